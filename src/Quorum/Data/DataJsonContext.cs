using System.Text.Json.Serialization;

namespace Quorum.Data;

/// <summary>
/// The data files' JSON contracts, made at compile time by System.Text.Json's source generator: without it the
/// serializer builds them by reflection and emits code for them on every build, which the JIT then compiles
/// (about a tenth of a second, a small site's whole data step). Used with <see cref="DataWriter.Json"/>'s options.
/// </summary>
[JsonSerializable(typeof(DataFileEnvelope<MeetingData>))]
[JsonSerializable(typeof(DataFileEnvelope<PersonData>))]
[JsonSerializable(typeof(DataFileEnvelope<OrganizationData>))]
[JsonSerializable(typeof(DataFileEnvelope<ActionData>))]
internal sealed partial class DataJsonContext : JsonSerializerContext;
