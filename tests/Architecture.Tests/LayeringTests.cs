using System.Reflection;
using Assessment.Api.Persistence;
using Assessment.Domain.Scoring;
using NetArchTest.Rules;

namespace Assessment.Architecture.Tests;

/// <summary>Dependencies point one way, Web → Api → Domain, and the Domain stays free of frameworks.</summary>
public sealed class LayeringTests
{
    private static readonly Assembly Domain = typeof(Scorer).Assembly;
    private static readonly Assembly Api = typeof(AppDbContext).Assembly;
    private static readonly Assembly Web = typeof(Program).Assembly;

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Microsoft.Extensions")]
    [InlineData("System.Text.Json")]
    [InlineData("Mediator")]
    [InlineData("OpenIddict")]
    [InlineData("Npgsql")]
    public void Domain_does_not_depend_on_frameworks(string framework)
    {
        var result = Types.InAssembly(Domain).ShouldNot().HaveDependencyOn(framework).GetResult();
        Assert.True(result.IsSuccessful, $"Domain types depending on {framework}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Domain_references_no_project_assembly()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.DoesNotContain(Api.GetName().Name, references);
        Assert.DoesNotContain(Web.GetName().Name, references);
        Assert.All(references, name => Assert.True(
            name!.StartsWith("System", StringComparison.Ordinal) || name == "netstandard" || name == "mscorlib",
            $"Domain references {name}, which is not part of the base library."));
    }

    [Fact]
    public void Api_does_not_reference_the_web_host()
    {
        Assert.DoesNotContain(Web.GetName().Name, Api.GetReferencedAssemblies().Select(a => a.Name));
        var result = Types.InAssembly(Api).ShouldNot().HaveDependencyOn("Assessment.Web").GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Web_reaches_the_domain_and_the_api()
    {
        var references = Web.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.Contains(Api.GetName().Name, references);
        Assert.Contains(Domain.GetName().Name, references);
    }

    [Fact]
    public void Handlers_and_messages_are_sealed()
    {
        var result = Types.InAssembly(Api)
            .That().ImplementInterface(typeof(Mediator.IMessage))
            .Or().HaveNameEndingWith("Handler")
            .Should().BeSealed()
            .GetResult();
        Assert.True(result.IsSuccessful, $"Not sealed: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
