using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Assessment.Api.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SharedRateLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rate_limit_buckets",
                columns: table => new
                {
                    client = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    tokens = table.Column<double>(type: "double precision", nullable: false),
                    refilled_at_ms = table.Column<long>(type: "bigint", nullable: false),
                    granted = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rate_limit_buckets", x => x.client);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rate_limit_buckets");
        }
    }
}
