using System.Globalization;
using System.Text.Json;
using Assessment.Domain;
using Assessment.Domain.Questionnaires;

namespace Assessment.Web;

/// <summary>
/// Reads one page of answers from an HTML form. Fields are named <c>a.{itemId}</c>, and
/// <c>a.{itemId}.{activityId}</c> for hours. An emptied field clears the saved answer.
/// </summary>
public sealed class AnswerForm
{
    public Dictionary<string, JsonElement> Answers { get; } = new(StringComparer.Ordinal);

    public List<string> Clear { get; } = [];

    /// <summary>Fields that are not even numbers; the API never sees them.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>What was posted, by field name, to fill the form again when it is shown with errors.</summary>
    public Dictionary<string, string[]> Posted { get; } = new(StringComparer.Ordinal);

    public static string Field(Item item) => "a." + item.Id;

    public static string Field(Item item, Activity activity) => $"a.{item.Id}.{activity.Id}";

    public static AnswerForm Read(IFormCollection form, IEnumerable<Item> items)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = new AnswerForm();
        foreach (var field in form)
        {
            if (field.Key.StartsWith("a.", StringComparison.Ordinal))
            {
                result.Posted[field.Key] = [.. field.Value.Select(v => v ?? "")];
            }
        }
        foreach (var item in items)
        {
            result.ReadItem(form, item);
        }
        return result;
    }

    private void ReadItem(IFormCollection form, Item item)
    {
        var raw = form[Field(item)].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        switch (item)
        {
            case TimeAllocationItem allocation:
                var hours = new Dictionary<string, decimal>(StringComparer.Ordinal);
                foreach (var activity in allocation.Activities)
                {
                    var text = form[Field(item, activity)].ToString().Trim();
                    if (text.Length == 0)
                    {
                        continue;
                    }
                    if (!TryNumber(text, out var h))
                    {
                        Errors[item.Id] = $"Hours for “{activity.Label}” must be a number.";
                        return;
                    }
                    hours[activity.Id] = h;
                }
                Set(item, hours.Count == 0 ? null : hours);
                break;
            case MultiChoiceItem:
                Set(item, raw.Count == 0 ? null : raw);
                break;
            case LikertItem when raw is ["na"]:
                Answers[item.Id] = JsonSerializer.SerializeToElement<object?>(null);
                break;
            case LikertItem or NumberItem when raw.Count > 0:
                if (!TryNumber(raw[0], out var number))
                {
                    Errors[item.Id] = "Enter a number.";
                    return;
                }
                Set(item, number);
                break;
            default:
                Set(item, raw.Count == 0 ? null : raw[0]);
                break;
        }
    }

    private void Set<T>(Item item, T? value)
    {
        if (value is null)
        {
            Clear.Add(item.Id);
        }
        else
        {
            Answers[item.Id] = JsonSerializer.SerializeToElement(value);
        }
    }

    private static bool TryNumber(string text, out decimal value) =>
        decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out value);

    /// <summary>The text an input shows for a saved answer.</summary>
    public static string Show(AnswerValue? value) => value switch
    {
        NumberAnswer n => n.Value.ToString(CultureInfo.InvariantCulture),
        TextAnswer t => t.Value,
        NotApplicableAnswer => "na",
        _ => "",
    };
}
