using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Assessment.Testing;

/// <summary>
/// A real PostgreSQL server for the test run: a throw-away cluster started from the machine's PostgreSQL
/// binaries (installed by the test script), listening on a free local port, removed when the run ends.
/// Set <c>ASSESSMENT_TEST_POSTGRES</c> to an admin connection string to use an existing server instead.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);

    private PostgresServer(string adminConnectionString) => AdminConnectionString = adminConnectionString;

    public string AdminConnectionString { get; }

    public static Task<PostgresServer> InstanceAsync() => Shared.Value;

    /// <summary>Creates an empty database for one test host and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "assessment_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    private static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("ASSESSMENT_TEST_POSTGRES") is { Length: > 0 } external)
        {
            return new PostgresServer(external);
        }
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException(
                "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb). Run the test command from the README, which installs it.");
        }

        var dataDir = Path.Combine(Path.GetTempPath(), "assessment-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataDir);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", $"postgres:postgres {dataDir}");
        }
        var port = FreePort();
        await RunPgAsync(asRoot, Path.Combine(bin, "initdb"), $"-D {dataDir} -U postgres --auth=trust -E UTF8 --no-sync");
        await RunPgAsync(asRoot, Path.Combine(bin, "pg_ctl"),
            $"-D {dataDir} -l {dataDir}/server.log -w -t 60 -o \"-p {port} -k {dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start");

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                RunPgAsync(asRoot, Path.Combine(bin, "pg_ctl"), $"-D {dataDir} -m immediate stop").GetAwaiter().GetResult();
                Directory.Delete(dataDir, recursive: true);
            }
            catch (InvalidOperationException)
            {
                // The server is gone already; nothing to clean up.
            }
        };
        return new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false");
    }

    private static Task RunPgAsync(bool asRoot, string program, string arguments) =>
        asRoot ? RunAsync("runuser", $"-u postgres -- {program} {arguments}") : RunAsync(program, arguments);

    private static async Task RunAsync(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}): {await output} {await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
