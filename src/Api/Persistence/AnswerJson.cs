using System.Globalization;
using System.Text.Json;
using Assessment.Domain;

namespace Assessment.Api.Persistence;

/// <summary>
/// Answers as JSON: a number, a string, an array of strings (option values), an object of numbers
/// (hours per activity) or <c>null</c> ("not applicable"). The same shape is accepted by the API and stored.
/// </summary>
public static class AnswerJson
{
    public static bool TryRead(JsonElement json, out AnswerValue value, out string error)
    {
        error = "";
        value = NotApplicableAnswer.Instance;
        switch (json.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.Number when json.TryGetDecimal(out var number):
                value = new NumberAnswer(number);
                return true;
            case JsonValueKind.String:
                value = new TextAnswer(json.GetString()!);
                return true;
            case JsonValueKind.Array when json.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String):
                value = new ChoicesAnswer([.. json.EnumerateArray().Select(e => e.GetString()!)]);
                return true;
            case JsonValueKind.Array:
                error = "An array answer must list option values as strings.";
                return false;
            case JsonValueKind.Object:
                var hours = new Dictionary<string, decimal>(StringComparer.Ordinal);
                foreach (var property in json.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDecimal(out var h))
                    {
                        error = $"Hours for '{property.Name}' must be a number.";
                        return false;
                    }
                    hours[property.Name] = h;
                }
                value = new AllocationAnswer(hours);
                return true;
            default:
                error = "Expected a number, a string, an array of option values, an object of hours, or null for \"not applicable\".";
                return false;
        }
    }

    public static void Write(Utf8JsonWriter writer, AnswerValue value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value)
        {
            case NumberAnswer n:
                writer.WriteNumberValue(n.Value);
                break;
            case TextAnswer t:
                writer.WriteStringValue(t.Value);
                break;
            case ChoicesAnswer c:
                writer.WriteStartArray();
                foreach (var v in c.Values)
                {
                    writer.WriteStringValue(v);
                }
                writer.WriteEndArray();
                break;
            case AllocationAnswer a:
                writer.WriteStartObject();
                foreach (var (activity, hours) in a.Hours.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    writer.WriteNumber(activity, hours);
                }
                writer.WriteEndObject();
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    public static void Write(Utf8JsonWriter writer, AnswerSet answers)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(answers);
        writer.WriteStartObject();
        foreach (var (itemId, value) in answers)
        {
            writer.WritePropertyName(itemId);
            Write(writer, value);
        }
        writer.WriteEndObject();
    }

    public static string Serialize(AnswerSet answers)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, answers);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static AnswerSet Deserialize(string json)
    {
        using var document = JsonDocument.Parse(json);
        var answers = new List<KeyValuePair<string, AnswerValue>>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (!TryRead(property.Value, out var value, out var error))
            {
                throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"Stored answer '{property.Name}' is unreadable: {error}"));
            }
            answers.Add(new(property.Name, value));
        }
        return AnswerSet.From(answers);
    }
}
