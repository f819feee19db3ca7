using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Assessment.Api.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DiscoveryCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "call_minutes",
                table: "workspaces",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "canceled_at",
                table: "outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "topic",
                table: "outbox",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "bookings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consultant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    blocked_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    blocked_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    owner_email_key = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    assessment_summary = table.Column<string>(type: "text", nullable: true),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    canceled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancel_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    owner_email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    owner_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    owner_notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    owner_phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    owner_time_zone = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bookings", x => x.id);
                    table.ForeignKey(
                        name: "fk_bookings_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_bookings_members_consultant_id",
                        column: x => x.consultant_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "consultant_schedules",
                columns: table => new
                {
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    availability = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consultant_schedules", x => x.member_id);
                    table.ForeignKey(
                        name: "fk_consultant_schedules_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "booking_links",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    booking_id = table.Column<Guid>(type: "uuid", nullable: false),
                    purpose = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_booking_links", x => x.id);
                    table.ForeignKey(
                        name: "fk_booking_links_bookings_booking_id",
                        column: x => x.booking_id,
                        principalTable: "bookings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_topic",
                table: "outbox",
                column: "topic");

            migrationBuilder.CreateIndex(
                name: "ix_booking_links_booking_id",
                table: "booking_links",
                column: "booking_id");

            migrationBuilder.CreateIndex(
                name: "ix_booking_links_token_hash",
                table: "booking_links",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bookings_assessment_id",
                table: "bookings",
                column: "assessment_id");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_consultant_id",
                table: "bookings",
                column: "consultant_id");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_workspace_id_consultant_id_start",
                table: "bookings",
                columns: new[] { "workspace_id", "consultant_id", "start" });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_workspace_id_start",
                table: "bookings",
                columns: new[] { "workspace_id", "start" });

            migrationBuilder.CreateIndex(
                name: "ux_bookings_one_active_per_owner",
                table: "bookings",
                columns: new[] { "workspace_id", "owner_email_key" },
                unique: true,
                filter: "status = 'Active'");

            migrationBuilder.CreateIndex(
                name: "ix_consultant_schedules_workspace_id",
                table: "consultant_schedules",
                column: "workspace_id");

            // Two active calls of one consultant can never overlap, buffers included, whatever the concurrency.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gist;");
            migrationBuilder.Sql(
                "ALTER TABLE bookings ADD CONSTRAINT ex_bookings_consultant_blocked_time " +
                "EXCLUDE USING gist (consultant_id WITH =, tstzrange(blocked_start, blocked_end, '[)') WITH &&) " +
                "WHERE (status = 'Active');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "booking_links");

            migrationBuilder.DropTable(
                name: "consultant_schedules");

            migrationBuilder.DropTable(
                name: "bookings");

            migrationBuilder.DropIndex(
                name: "ix_outbox_topic",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "call_minutes",
                table: "workspaces");

            migrationBuilder.DropColumn(
                name: "canceled_at",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "topic",
                table: "outbox");
        }
    }
}
