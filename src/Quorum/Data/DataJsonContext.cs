using System.Text.Json.Serialization;

namespace Quorum.Data;

/// <summary>
/// The data files' JSON contracts, made at compile time by System.Text.Json's source generator: without it the
/// serializer builds them by reflection and emits code for them on every build, which the JIT then compiles
/// (about a tenth of a second, a small site's whole data step). Used with <see cref="DataWriter.Json"/>'s options,
/// which are also given here. The serializer takes the generator's direct writing code (its "fast path") only when the
/// options it is called with are exactly the context's, and the readable encoder cannot be one of them, so
/// <see cref="DataWriter"/> calls each record's direct code itself.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, IndentSize = 2, NewLine = "\n",
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(DataFileEnvelope<MeetingData>))]
[JsonSerializable(typeof(DataFileEnvelope<PersonData>))]
[JsonSerializable(typeof(DataFileEnvelope<OrganizationData>))]
[JsonSerializable(typeof(DataFileEnvelope<ActionData>))]
internal sealed partial class DataJsonContext : JsonSerializerContext;
