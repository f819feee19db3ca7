using System.Text.Json;
using Assessment.Api.Identity;
using Assessment.Domain;
using Assessment.Api.Outbox;
using Assessment.Domain.Assessments;
using Assessment.Domain.Clients;
using Assessment.Domain.Reports;
using Assessment.Domain.Scheduling;
using Assessment.Domain.Scoring;
using Assessment.Domain.Workspaces;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using OpenIddict.EntityFrameworkCore.Models;

namespace Assessment.Api.Persistence;

/// <summary>
/// The application's database. Rows owned by a workspace are filtered to <see cref="CurrentWorkspaceId"/>
/// by the model itself, and may only be written for that workspace.
/// </summary>
public abstract class AppDbContext : IdentityDbContext<Member, IdentityRole<Guid>, Guid>, IDataProtectionKeyContext
{
    private readonly WorkspaceScope? _scope;

    protected AppDbContext(DbContextOptions options, WorkspaceScope? scope)
        : base(options) => _scope = scope;

    /// <summary>The workspace every owned query is filtered to; empty (nothing visible) without one.</summary>
    public Guid CurrentWorkspaceId => _scope?.Id ?? Guid.Empty;

    public DbSet<Workspace> Workspaces => Set<Workspace>();

    public DbSet<AssessmentResponse> Assessments => Set<AssessmentResponse>();

    public DbSet<ShareLink> ShareLinks => Set<ShareLink>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<Booking> Bookings => Set<Booking>();

    public DbSet<Webhooks.WebhookEvent> WebhookEvents => Set<Webhooks.WebhookEvent>();

    public DbSet<Webhooks.WebhookEndpoint> WebhookEndpoints => Set<Webhooks.WebhookEndpoint>();

    public DbSet<Webhooks.WebhookDelivery> WebhookDeliveries => Set<Webhooks.WebhookDelivery>();

    public DbSet<Webhooks.WebhookAttempt> WebhookAttempts => Set<Webhooks.WebhookAttempt>();

    public DbSet<Webhooks.IdempotencyRecord> IdempotencyRecords => Set<Webhooks.IdempotencyRecord>();

    public DbSet<Identity.RateLimitBucket> RateLimitBuckets => Set<Identity.RateLimitBucket>();

    public DbSet<ConsultantSchedule> ConsultantSchedules => Set<ConsultantSchedule>();

    public DbSet<BookingLink> BookingLinks => Set<BookingLink>();

    public DbSet<Billing.BillingAccount> BillingAccounts => Set<Billing.BillingAccount>();

    public DbSet<Billing.PlanSubscription> PlanSubscriptions => Set<Billing.PlanSubscription>();

    /// <summary>Read and written by <see cref="Billing.WorkspacePlans"/> only, always for one workspace it names.</summary>
    public DbSet<Billing.AssessmentUsage> AssessmentUsage => Set<Billing.AssessmentUsage>();

    /// <summary>Verified Stripe events, across all workspaces (which one is known only once processed).</summary>
    public DbSet<Billing.StripeEvent> StripeEvents => Set<Billing.StripeEvent>();

    public DbSet<ClientNote> ClientNotes => Set<ClientNote>();

    public DbSet<ClientTag> ClientTags => Set<ClientTag>();

    public DbSet<MemberInvitation> MemberInvitations => Set<MemberInvitation>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ServerKey> ServerKeys => Set<ServerKey>();

    /// <summary>Anonymous counts of submitted leadership shares per cohort and bucket, across all workspaces.</summary>
    public DbSet<BenchmarkBucket> BenchmarkBuckets => Set<BenchmarkBucket>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);

        NameIdentityAndOAuthTables(builder);

        builder.Entity<Member>(m =>
        {
            m.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
            m.HasIndex(x => x.WorkspaceId);
        });

        builder.Entity<Workspace>(w =>
        {
            w.HasKey(x => x.Id);
            w.Property(x => x.Slug).HasMaxLength(40);
            w.Property(x => x.Name).HasMaxLength(200);
            w.HasIndex(x => x.Slug).IsUnique();
            w.Property(x => x.LogoUrl).HasMaxLength(500);
            w.Property(x => x.PrimaryColor).HasMaxLength(7);
            w.Property(x => x.AccentColor).HasMaxLength(7);
        });

        builder.Entity<AssessmentResponse>(a =>
        {
            a.ToTable("assessments");
            a.HasKey(x => x.Id);
            a.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
            a.Property(x => x.QuestionnaireKey).HasMaxLength(100);
            a.Property(x => x.Status).HasConversion(v => StatusNames.ToName(v), v => StatusNames.FromName(v)).HasMaxLength(20);
            a.ComplexProperty(x => x.Respondent, r =>
            {
                r.Property(x => x.Email).HasMaxLength(320);
                r.Property(x => x.Name).HasMaxLength(200);
                r.Property(x => x.PracticeName).HasMaxLength(200);
            });
            a.Property(x => x.Answers)
                .HasConversion(v => AnswerJson.Serialize(v), v => AnswerJson.Deserialize(v),
                    new ValueComparer<AnswerSet>((x, y) => ReferenceEquals(x, y), v => v.Count, v => v));
            a.Property(x => x.Results)
                .HasField("_results")
                .UsePropertyAccessMode(PropertyAccessMode.Field)
                .HasConversion(
                    v => JsonSerializer.Serialize(v, ApiJson.Options),
                    v => JsonSerializer.Deserialize<List<AssessmentResult>>(v, ApiJson.Options) ?? new List<AssessmentResult>(),
                    new ValueComparer<IReadOnlyList<AssessmentResult>>((x, y) => ReferenceEquals(x, y), v => v.Count, v => v));
            a.Property(x => x.LeadershipShare).HasPrecision(5, 4);
            a.HasIndex(x => new { x.WorkspaceId, x.CreatedAt });
            // The client list: keyset paging by time or share, filters by profile, practice type and owner.
            a.Property(x => x.ProfileKey).HasMaxLength(50);
            a.Property(x => x.PracticeType).HasMaxLength(50);
            a.Property(x => x.OwnerEmailKey).HasMaxLength(320);
            a.HasIndex(x => new { x.WorkspaceId, x.CreatedAt, x.Id }).HasDatabaseName("ix_assessments_workspace_created_id");
            a.HasIndex(x => new { x.WorkspaceId, x.LeadershipShareBasisPoints, x.Id }).HasDatabaseName("ix_assessments_workspace_share_id");
            a.HasIndex(x => new { x.WorkspaceId, x.ProfileKey, x.CreatedAt });
            a.HasIndex(x => new { x.WorkspaceId, x.OwnerEmailKey, x.CreatedAt });
            a.HasQueryFilter(x => x.WorkspaceId == CurrentWorkspaceId);
        });

        builder.Entity<ClientNote>(n =>
        {
            n.HasKey(x => x.Id);
            n.HasOne<AssessmentResponse>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
            n.Property(x => x.AuthorEmail).HasMaxLength(256);
            n.Property(x => x.Text).HasMaxLength(ClientNote.MaxLength);
            n.HasIndex(x => new { x.WorkspaceId, x.AssessmentId, x.CreatedAt });
            n.HasQueryFilter(x => x.WorkspaceId == CurrentWorkspaceId);
        });

        builder.Entity<ClientTag>(t =>
        {
            t.HasKey(x => new { x.AssessmentId, x.Name });
            t.HasOne<AssessmentResponse>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
            t.Property(x => x.Name).HasMaxLength(ClientTag.MaxLength);
            t.HasIndex(x => new { x.WorkspaceId, x.Name, x.AssessmentId });
            t.HasQueryFilter(x => x.WorkspaceId == CurrentWorkspaceId);
        });

        builder.Entity<MemberInvitation>(i =>
        {
            i.HasKey(x => x.Id);
            i.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
            i.Property(x => x.Email).HasMaxLength(256);
            i.Property(x => x.Role).HasMaxLength(20);
            i.Property(x => x.TokenHash).HasMaxLength(64);
            i.HasIndex(x => x.TokenHash).IsUnique();
            i.HasIndex(x => new { x.WorkspaceId, x.CreatedAt });
            i.HasQueryFilter(x => x.WorkspaceId == CurrentWorkspaceId);
        });

        builder.Entity<ShareLink>(l =>
        {
            l.HasKey(x => x.Id);
            l.HasOne<AssessmentResponse>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
            l.HasIndex(x => new { x.WorkspaceId, x.AssessmentId });
            l.HasQueryFilter(x => x.WorkspaceId == CurrentWorkspaceId);
        });

        builder.Entity<OutboxMessage>(o =>
        {
            o.HasKey(x => x.Id);
            o.Property(x => x.Kind).HasMaxLength(50);
            o.Property(x => x.Topic).HasMaxLength(200);
            o.HasIndex(x => new { x.SentAt, x.DeadAt, x.NextAttemptAt });
            o.HasIndex(x => x.Topic);
        });

        builder.Entity<Booking>(b =>
        {
            b.HasKey(x => x.Id);
            b.HasOne<Member>().WithMany().HasForeignKey(x => x.ConsultantId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<AssessmentResponse>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.SetNull);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            b.ComplexProperty(x => x.Owner, o =>
            {
                o.Property(x => x.Name).HasMaxLength(200);
                o.Property(x => x.Email).HasMaxLength(320);
                o.Property(x => x.Phone).HasMaxLength(50);
                o.Property(x => x.Notes).HasMaxLength(2000);
                o.Property(x => x.TimeZone).HasMaxLength(100);
            });
            b.Property(x => x.OwnerEmailKey).HasMaxLength(320);
            b.Property(x => x.CancelReason).HasMaxLength(500);
            b.HasIndex(x => new { x.WorkspaceId, x.ConsultantId, x.Start });
            b.HasIndex(x => new { x.WorkspaceId, x.Start });
            // One active discovery call per owner e-mail per workspace, whatever the concurrency.
            b.HasIndex(x => new { x.WorkspaceId, x.OwnerEmailKey }).IsUnique().HasFilter("status = 'Active'")
                .HasDatabaseName("ux_bookings_one_active_per_owner");
            b.HasQueryFilter(x => x.WorkspaceId == CurrentWorkspaceId);
        });

        builder.Entity<Webhooks.WebhookEvent>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Type).HasMaxLength(50);
            e.Ignore(x => x.MessageId);
            e.HasIndex(x => new { x.WorkspaceId, x.CreatedAt, x.Id });
            e.HasQueryFilter(x => x.WorkspaceId == CurrentWorkspaceId);
        });
        builder.Entity<Webhooks.WebhookEndpoint>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Url).HasMaxLength(2000);
            e.Property(x => x.EventTypes).HasMaxLength(500);
            e.Ignore(x => x.Types);
            e.HasIndex(x => x.WorkspaceId);
            e.HasQueryFilter(x => x.WorkspaceId == CurrentWorkspaceId);
        });
        builder.Entity<Webhooks.WebhookDelivery>(d =>
        {
            d.HasKey(x => x.Id);
            d.Property(x => x.Status).HasMaxLength(20);
            d.Ignore(x => x.Log);
            d.HasIndex(x => new { x.Status, x.NextAttemptAt });
            d.HasIndex(x => new { x.EndpointId, x.CreatedAt });
            d.HasQueryFilter(x => x.WorkspaceId == CurrentWorkspaceId);
        });
        builder.Entity<Webhooks.WebhookAttempt>(a =>
        {
            a.HasKey(x => x.Id);
            a.Property(x => x.Error).HasMaxLength(500);
            a.HasIndex(x => x.DeliveryId);
        });
        builder.Entity<Webhooks.IdempotencyRecord>(i =>
        {
            i.HasKey(x => x.Id);
            i.Property(x => x.Caller).HasMaxLength(200);
            i.Property(x => x.Key).HasMaxLength(200);
            i.Property(x => x.RequestHash).HasMaxLength(64);
            i.Property(x => x.ContentType).HasMaxLength(200);
            i.Property(x => x.Location).HasMaxLength(500);
            i.HasIndex(x => new { x.Caller, x.Key }).IsUnique();
            i.HasIndex(x => x.CreatedAt);
        });

        builder.Entity<Billing.AssessmentUsage>(u =>
        {
            u.HasKey(x => new { x.WorkspaceId, x.Month });
            u.Property(x => x.Month).HasMaxLength(7);
        });

        builder.Entity<Identity.RateLimitBucket>(b =>
        {
            b.HasKey(x => x.Client);
            b.Property(x => x.Client).HasMaxLength(200);
        });

        builder.Entity<ConsultantSchedule>(c =>
        {
            c.HasKey(x => x.MemberId);
            c.HasOne<Member>().WithOne().HasForeignKey<ConsultantSchedule>(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
            c.Property(x => x.Availability)
                .HasConversion(v => JsonSerializer.Serialize(v, ApiJson.Options), v => JsonSerializer.Deserialize<Availability>(v, ApiJson.Options)!,
                    new ValueComparer<Availability>((x, y) => ReferenceEquals(x, y), v => 0, v => v));
            c.HasIndex(x => x.WorkspaceId);
            c.HasQueryFilter(x => x.WorkspaceId == CurrentWorkspaceId);
        });

        builder.Entity<BookingLink>(l =>
        {
            l.HasKey(x => x.Id);
            l.HasOne<Booking>().WithMany().HasForeignKey(x => x.BookingId).OnDelete(DeleteBehavior.Cascade);
            l.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(20);
            l.Property(x => x.TokenHash).HasMaxLength(64);
            l.HasIndex(x => x.TokenHash).IsUnique();
            l.HasQueryFilter(x => x.WorkspaceId == CurrentWorkspaceId);
        });

        builder.Entity<Billing.BillingAccount>(a =>
        {
            a.HasKey(x => x.WorkspaceId);
            a.HasOne<Workspace>().WithOne().HasForeignKey<Billing.BillingAccount>(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
            a.Property(x => x.StripeCustomerId).HasMaxLength(255);
            a.HasIndex(x => x.StripeCustomerId).IsUnique();
            a.HasQueryFilter(x => x.WorkspaceId == CurrentWorkspaceId);
        });

        builder.Entity<Billing.PlanSubscription>(s =>
        {
            s.ToTable("subscriptions");
            s.HasKey(x => x.Id);
            s.Property(x => x.Id).HasMaxLength(255);
            s.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
            s.Property(x => x.PlanKey).HasMaxLength(100);
            s.Property(x => x.Status).HasMaxLength(30);
            s.Ignore(x => x.IsNew);
            s.HasIndex(x => x.WorkspaceId);
            s.HasQueryFilter(x => x.WorkspaceId == CurrentWorkspaceId);
        });

        builder.Entity<Billing.StripeEvent>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(255);
            e.Property(x => x.Type).HasMaxLength(100);
            e.Property(x => x.Outcome).HasMaxLength(500);
            e.HasIndex(x => new { x.ProcessedAt, x.DeadAt, x.NextAttemptAt });
        });

        builder.Entity<BenchmarkBucket>(b =>
        {
            b.HasKey(x => new { x.Cohort, x.Bucket });
            b.Property(x => x.Cohort).HasMaxLength(100);
        });

        builder.Entity<ServerKey>(k =>
        {
            k.HasKey(x => x.Id);
            k.Property(x => x.Purpose).HasMaxLength(20);
            k.HasIndex(x => x.Purpose).IsUnique();
        });
    }

    /// <summary>Identity and OpenIddict name their tables themselves; give them snake_case names like the rest.</summary>
    private static void NameIdentityAndOAuthTables(ModelBuilder builder)
    {
        builder.Entity<Member>(m =>
        {
            m.ToTable("members");
            m.HasIndex(x => x.NormalizedEmail).HasDatabaseName("ix_members_normalized_email");
            m.HasIndex(x => x.NormalizedUserName).HasDatabaseName("ix_members_normalized_user_name");
        });
        builder.Entity<IdentityRole<Guid>>(r =>
        {
            r.ToTable("roles");
            r.HasIndex(x => x.NormalizedName).HasDatabaseName("ix_roles_normalized_name");
        });
        builder.Entity<IdentityUserRole<Guid>>().ToTable("member_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("member_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("member_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("member_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.Entity<OpenIddictEntityFrameworkCoreApplication<Guid>>().ToTable("oauth_applications");
        builder.Entity<OpenIddictEntityFrameworkCoreAuthorization<Guid>>().ToTable("oauth_authorizations");
        builder.Entity<OpenIddictEntityFrameworkCoreScope<Guid>>().ToTable("oauth_scopes");
        builder.Entity<OpenIddictEntityFrameworkCoreToken<Guid>>().ToTable("oauth_tokens");
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardWorkspace();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardWorkspace();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Refuses to write a workspace-owned row for any workspace but the current one.</summary>
    private void GuardWorkspace()
    {
        foreach (var entry in ChangeTracker.Entries<IWorkspaceOwned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && entry.Entity.WorkspaceId != CurrentWorkspaceId)
            {
                throw new InvalidOperationException($"A {entry.Entity.GetType().Name} of another workspace cannot be written in this scope.");
            }
        }
    }
}

/// <summary>A key of the OAuth2 server (token signing or encryption), protected at rest by Data Protection.</summary>
public sealed class ServerKey
{
    public Guid Id { get; set; }

    public required string Purpose { get; set; }

    public required string ProtectedKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>How many submitted results of a cohort have a leadership share in one 0.001-wide bucket. No workspace, no person.</summary>
public sealed class BenchmarkBucket
{
    public required string Cohort { get; set; }

    public int Bucket { get; set; }

    public long Responses { get; set; }
}

internal static class StatusNames
{
    public static string ToName(AssessmentStatus status) => status switch
    {
        AssessmentStatus.InProgress => "in-progress",
        AssessmentStatus.Submitted => "submitted",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static AssessmentStatus FromName(string name) => name switch
    {
        "in-progress" => AssessmentStatus.InProgress,
        "submitted" => AssessmentStatus.Submitted,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
