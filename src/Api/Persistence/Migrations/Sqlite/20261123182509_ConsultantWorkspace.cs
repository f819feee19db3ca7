using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Assessment.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConsultantWorkspace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "accent_color",
                table: "workspaces",
                type: "TEXT",
                maxLength: 7,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "logo_url",
                table: "workspaces",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "primary_color",
                table: "workspaces",
                type: "TEXT",
                maxLength: 7,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "leadership_share_basis_points",
                table: "assessments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "owner_email_key",
                table: "assessments",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "practice_type",
                table: "assessments",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "profile_key",
                table: "assessments",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            // Existing rows: the owner's e-mail key and the share in basis points follow from columns already there.
            migrationBuilder.Sql("UPDATE assessments SET owner_email_key = lower(trim(respondent_email)) WHERE respondent_email IS NOT NULL AND trim(respondent_email) <> '';");
            migrationBuilder.Sql("UPDATE assessments SET leadership_share_basis_points = CAST(round(CAST(leadership_share AS REAL) * 10000) AS INTEGER) WHERE leadership_share IS NOT NULL;");

            migrationBuilder.CreateTable(
                name: "client_notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    workspace_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    assessment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    author_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    author_email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_client_notes", x => x.id);
                    table.ForeignKey(
                        name: "fk_client_notes_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "client_tags",
                columns: table => new
                {
                    assessment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    workspace_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_client_tags", x => new { x.assessment_id, x.name });
                    table.ForeignKey(
                        name: "fk_client_tags_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "member_invitations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    workspace_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    invited_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    accepted_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_invitations", x => x.id);
                    table.ForeignKey(
                        name: "fk_member_invitations_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assessments_workspace_created_id",
                table: "assessments",
                columns: new[] { "workspace_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_assessments_workspace_id_owner_email_key_created_at",
                table: "assessments",
                columns: new[] { "workspace_id", "owner_email_key", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_assessments_workspace_id_profile_key_created_at",
                table: "assessments",
                columns: new[] { "workspace_id", "profile_key", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_assessments_workspace_share_id",
                table: "assessments",
                columns: new[] { "workspace_id", "leadership_share_basis_points", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_client_notes_assessment_id",
                table: "client_notes",
                column: "assessment_id");

            migrationBuilder.CreateIndex(
                name: "ix_client_notes_workspace_id_assessment_id_created_at",
                table: "client_notes",
                columns: new[] { "workspace_id", "assessment_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_client_tags_workspace_id_name_assessment_id",
                table: "client_tags",
                columns: new[] { "workspace_id", "name", "assessment_id" });

            migrationBuilder.CreateIndex(
                name: "ix_member_invitations_token_hash",
                table: "member_invitations",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_member_invitations_workspace_id_created_at",
                table: "member_invitations",
                columns: new[] { "workspace_id", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "client_notes");

            migrationBuilder.DropTable(
                name: "client_tags");

            migrationBuilder.DropTable(
                name: "member_invitations");

            migrationBuilder.DropIndex(
                name: "ix_assessments_workspace_created_id",
                table: "assessments");

            migrationBuilder.DropIndex(
                name: "ix_assessments_workspace_id_owner_email_key_created_at",
                table: "assessments");

            migrationBuilder.DropIndex(
                name: "ix_assessments_workspace_id_profile_key_created_at",
                table: "assessments");

            migrationBuilder.DropIndex(
                name: "ix_assessments_workspace_share_id",
                table: "assessments");

            migrationBuilder.DropColumn(
                name: "accent_color",
                table: "workspaces");

            migrationBuilder.DropColumn(
                name: "logo_url",
                table: "workspaces");

            migrationBuilder.DropColumn(
                name: "primary_color",
                table: "workspaces");

            migrationBuilder.DropColumn(
                name: "leadership_share_basis_points",
                table: "assessments");

            migrationBuilder.DropColumn(
                name: "owner_email_key",
                table: "assessments");

            migrationBuilder.DropColumn(
                name: "practice_type",
                table: "assessments");

            migrationBuilder.DropColumn(
                name: "profile_key",
                table: "assessments");
        }
    }
}
