using System.Text.Json;
using System.Text.Json.Serialization;
using Assessment.Domain;

namespace Assessment.Api.Persistence;

/// <summary>The JSON conventions of the API and of JSON stored in the database.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new AnswerSetConverter());
        return options;
    }

    private sealed class AnswerSetConverter : JsonConverter<AnswerSet>
    {
        public override AnswerSet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return AnswerJson.Deserialize(document.RootElement.GetRawText());
        }

        public override void Write(Utf8JsonWriter writer, AnswerSet value, JsonSerializerOptions options) => AnswerJson.Write(writer, value);
    }
}
