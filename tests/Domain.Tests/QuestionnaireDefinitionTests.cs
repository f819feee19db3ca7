using Assessment.Domain.Instruments;
using Assessment.Domain.Questionnaires;
using static Assessment.Domain.Questionnaires.ConditionOperator;

namespace Assessment.Domain.Tests;

/// <summary>What a definition accepts when it is built, and how the catalog finds versions.</summary>
public sealed class QuestionnaireDefinitionTests
{
    private static NumberItem Sites => new("sites", "Sites");

    [Fact]
    public void Constructor_rejects_an_item_id_used_twice_in_different_sections()
    {
        var error = Assert.Throws<ArgumentException>(() => new QuestionnaireDefinition("dup", 3, "Dup", "", 1,
        [
            new Section("one", "One", null, [Sites, new TextItem("notes", "Notes")]),
            new Section("two", "Two", null, [new TextItem("sites", "Sites again")]),
        ]));

        Assert.Equal("sections", error.ParamName);
        Assert.StartsWith("Item id 'sites' appears more than once in dup v3.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_rejects_an_item_id_used_twice_in_one_section()
    {
        Assert.Throws<ArgumentException>(() => TestData.Definition("dup", 1, Sites, new TextItem("sites", "Again")));
    }

    [Fact]
    public void Constructor_rejects_a_condition_on_an_item_asked_later()
    {
        var error = Assert.Throws<ArgumentException>(() => TestData.Definition("later", 1,
            new TextItem("leads", "Leads") { VisibleIf = Condition.When("sites", GreaterThan, "1") },
            Sites));

        Assert.Equal("sections", error.ParamName);
        Assert.StartsWith("Item 'leads' depends on 'sites', which is not asked before it.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_rejects_a_condition_on_an_item_in_a_later_section()
    {
        Assert.Throws<ArgumentException>(() => new QuestionnaireDefinition("later", 1, "Later", "", 1,
        [
            new Section("one", "One", null, [new TextItem("leads", "Leads") { VisibleIf = Condition.When("sites", GreaterThan, "1") }]),
            new Section("two", "Two", null, [Sites]),
        ]));
    }

    [Fact]
    public void Constructor_rejects_a_condition_on_an_unknown_item()
    {
        var error = Assert.Throws<ArgumentException>(() => TestData.Definition("unknown", 1,
            new TextItem("leads", "Leads") { VisibleIf = Condition.When("golf", GreaterThan, "1") }));

        Assert.StartsWith("Item 'leads' depends on 'golf', which is not asked before it.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_rejects_a_condition_of_an_item_on_itself()
    {
        Assert.Throws<ArgumentException>(() => TestData.Definition("self", 1,
            new NumberItem("sites", "Sites") { VisibleIf = Condition.When("sites", GreaterThan, "1") }));
    }

    [Fact]
    public void Constructor_accepts_a_condition_on_an_earlier_item_in_an_earlier_section()
    {
        var definition = new QuestionnaireDefinition("ok", 1, "Ok", "", 1,
        [
            new Section("one", "One", null, [Sites]),
            new Section("two", "Two", null, [new TextItem("leads", "Leads") { VisibleIf = Condition.When("sites", GreaterThan, "1") }]),
        ]);

        Assert.Equal(["sites", "leads"], definition.Items.Select(i => i.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_rejects_a_blank_key(string key)
    {
        Assert.Throws<ArgumentException>(() => TestData.Definition(key, 1, Sites));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_rejects_a_version_below_one(int version)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TestData.Definition("v", version, Sites));
    }

    [Fact]
    public void Items_lists_every_item_of_every_section_in_the_order_asked()
    {
        var items = OwnerTime.Version1.Items.Select(i => i.Id).ToList();

        Assert.Equal(["practice-type", "locations", "team-size", "practice-manager", "clinical-hours", "time-actual", "time-ideal"], items.Take(7));
        Assert.Equal(TestData.OwnerTimeLikertIds, items.Skip(7).Take(28));
        Assert.Equal(["site-leads", "ms-1", "frustration", "priorities"], items.Skip(35));
    }

    [Fact]
    public void Owner_time_activities_split_nine_management_six_leadership_two_clinical_one_other()
    {
        var byCategory = OwnerTime.Activities.GroupBy(a => a.Category).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(9, byCategory[TimeCategory.Management]);
        Assert.Equal(6, byCategory[TimeCategory.Leadership]);
        Assert.Equal(2, byCategory[TimeCategory.Clinical]);
        Assert.Equal(1, byCategory[TimeCategory.Other]);
        Assert.Equal(18, OwnerTime.Activities.Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public void Owner_time_has_one_reverse_keyed_item_in_each_subscale()
    {
        var reverse = OwnerTime.Version1.Items.OfType<LikertItem>().Where(i => i.ReverseKeyed).Select(i => i.Id);

        Assert.Equal(["pb-3", "os-3", "cp-2", "sd-4", "ap-3", "md-3", "od-4"], reverse);
    }
}

public sealed class QuestionnaireCatalogTests
{
    private static QuestionnaireDefinition Version(string key, int version) =>
        TestData.Definition(key, version, new TextItem($"{key}-{version}", "Q"));

    private static readonly QuestionnaireCatalog Catalog = new(
    [
        Version("zeta", 1),
        Version("alpha", 2),
        Version("alpha", 10),
        Version("alpha", 1),
    ]);

    [Fact]
    public void Latest_by_key_is_the_highest_version_whatever_the_order_given()
    {
        Assert.Equal(10, Catalog.Latest("alpha")?.Version);
        Assert.Equal(1, Catalog.Latest("zeta")?.Version);
    }

    [Fact]
    public void Latest_of_an_unknown_key_is_null()
    {
        Assert.Null(Catalog.Latest("golf"));
    }

    [Fact]
    public void Latest_lists_the_latest_version_of_every_questionnaire_ordered_by_key()
    {
        Assert.Equal([("alpha", 10), ("zeta", 1)], Catalog.Latest().Select(d => (d.Key, d.Version)));
    }

    [Fact]
    public void Find_returns_the_exact_version()
    {
        var found = Catalog.Find("alpha", 2);

        Assert.NotNull(found);
        Assert.Equal("alpha", found.Key);
        Assert.Equal(2, found.Version);
        Assert.NotNull(found.FindItem("alpha-2"));
    }

    [Theory]
    [InlineData("alpha", 3)]
    [InlineData("zeta", 2)]
    [InlineData("golf", 1)]
    public void Find_of_a_missing_version_or_key_is_null(string key, int version)
    {
        Assert.Null(Catalog.Find(key, version));
    }

    [Fact]
    public void Versions_are_listed_in_ascending_order()
    {
        Assert.Equal([1, 2, 10], Catalog.Versions("alpha"));
        Assert.Empty(Catalog.Versions("golf"));
    }

    [Fact]
    public void Keys_are_case_sensitive()
    {
        Assert.Null(Catalog.Latest("ALPHA"));
    }

    [Fact]
    public void Catalog_rejects_the_same_version_of_a_questionnaire_twice()
    {
        Assert.Throws<ArgumentException>(() => new QuestionnaireCatalog([Version("alpha", 1), Version("alpha", 1)]));
    }

    [Fact]
    public void Built_in_catalog_holds_owner_time_version_1()
    {
        Assert.Same(OwnerTime.Version1, QuestionnaireCatalog.BuiltIn.Latest("owner-time"));
        Assert.Same(OwnerTime.Version1, QuestionnaireCatalog.BuiltIn.Find("owner-time", 1));
        Assert.Equal([1], QuestionnaireCatalog.BuiltIn.Versions("owner-time"));
        Assert.Equal(["owner-time"], QuestionnaireCatalog.BuiltIn.Latest().Select(d => d.Key));
    }
}
