using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Assessment.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OwnerConsent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "consent_version",
                table: "assessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "consented_at",
                table: "assessments",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "consent_version",
                table: "assessments");

            migrationBuilder.DropColumn(
                name: "consented_at",
                table: "assessments");
        }
    }
}
