using Microsoft.EntityFrameworkCore;

namespace Assessment.Api.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the host starts (default). Turn off when deploys run <c>migrate</c> instead.</summary>
    public bool MigrateOnStart { get; set; } = true;
}

public static class Database
{
    /// <summary>The one place a provider is chosen and configured, shared by the host, tools and tests.</summary>
    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ = provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString),
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
        options.UseSnakeCaseNamingConvention();
        options.UseOpenIddict<Guid>();
    }
}
