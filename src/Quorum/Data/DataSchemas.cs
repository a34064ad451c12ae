namespace Quorum.Data;

/// <summary>
/// JSON Schemas (draft-07) of the JSON downloads, published beside them in <c>data/schemas/</c> so that re-users
/// can validate what they fetch; the tests validate every build's files against them.
/// </summary>
public static class DataSchemas
{
    const string Date = """{ "type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" }""";
    const string NullableDate = """{ "type": ["string", "null"], "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" }""";
    const string DateTime = """{ "type": ["string", "null"], "format": "date-time", "description": "Local time in Europe/London with its UTC offset; null when the minutes give no time." }""";
    const string Url = """{ "type": "string", "format": "uri" }""";
    const string Id = """{ "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$" }""";
    const string NullableString = """{ "type": ["string", "null"] }""";
    const string Exemption = """
        {
          "description": "Why it is withheld from publication (Freedom of Information); null when it is published.",
          "oneOf": [
            { "type": "null" },
            {
              "type": "object",
              "required": ["ground", "until"],
              "additionalProperties": false,
              "properties": {
                "ground": { "type": "string", "description": "The public ground for withholding it." },
                "until": { "type": ["string", "null"], "format": "date", "description": "Published from this date on; null when there is no time limit." }
              }
            }
          ]
        }
        """;
    const string OtherName = $$"""
        {
          "type": "object",
          "required": ["name", "end_date"],
          "additionalProperties": false,
          "properties": { "name": { "type": "string" }, "end_date": {{NullableDate}} }
        }
        """;

    /// <summary>The object every file is, around the schema of one record; formatted once, as it is published.</summary>
    static string Envelope(string title, string description, string record, string definitions = "{}") => Format($$"""
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "{{title}}",
          "description": "{{description}}",
          "type": "object",
          "required": ["title", "source", "license", "license_name", "schema", "data"],
          "additionalProperties": false,
          "properties": {
            "title": { "type": "string" },
            "source": { "type": "string", "format": "uri", "description": "The site the data comes from." },
            "license": { "type": "string", "format": "uri", "description": "The licence the data is published under." },
            "license_name": { "type": "string" },
            "schema": { "type": "string", "format": "uri", "description": "This schema's address." },
            "data": { "type": "array", "items": {{record}} }
          },
          "definitions": {{definitions}}
        }
        """);

    static string Format(string schema) =>
        System.Text.Json.Nodes.JsonNode.Parse(schema)!.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true,
            IndentSize = 2,
            NewLine = "\n",
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        }) + "\n";

    public static readonly string Meetings = Envelope("Meetings", "Every published meeting (OParl Meeting names where they fit).", $$"""
        {
          "type": "object",
          "required": ["id", "slug", "url", "name", "number", "organization_id", "organization_name", "date", "start", "end", "location", "status", "agenda_items", "decisions", "attendance", "action_ids", "next_meeting"],
          "additionalProperties": false,
          "properties": {
            "id": { "type": "string", "description": "The meeting's slug: its permanent identifier." },
            "slug": { "type": "string" },
            "url": {{Url}},
            "name": { "type": "string", "description": "The meeting's title." },
            "number": { "type": ["string", "null"], "description": "The body's own number for the meeting." },
            "organization_id": {{Id}},
            "organization_name": { "type": "string", "description": "The body's name on the meeting's date." },
            "date": {{Date}},
            "start": {{DateTime}},
            "end": {{DateTime}},
            "location": {{NullableString}},
            "status": { "enum": ["approved", "draft"] },
            "agenda_items": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["number", "title", "anchor", "url", "parent", "withheld", "exemption"],
                "additionalProperties": false,
                "properties": {
                  "number": { "type": "string" },
                  "title": { "type": "string" },
                  "anchor": { "type": "string", "pattern": "^item-" },
                  "url": {{Url}},
                  "parent": { "type": ["string", "null"], "description": "The number of the item a sub-item belongs to." },
                  "withheld": { "type": "boolean" },
                  "exemption": {{Exemption}}
                }
              }
            },
            "decisions": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["item", "anchor", "url", "text"],
                "additionalProperties": false,
                "properties": {
                  "item": { "type": "string", "description": "The number of the item the decision was made under." },
                  "anchor": { "type": "string", "pattern": "^decision-" },
                  "url": {{Url}},
                  "text": { "type": "string", "description": "The decision as plain text." }
                }
              }
            },
            "attendance": {
              "type": "object",
              "required": ["present", "in_attendance", "apologies"],
              "additionalProperties": false,
              "properties": {
                "present": { "$ref": "#/definitions/attendees" },
                "in_attendance": { "$ref": "#/definitions/attendees" },
                "apologies": { "$ref": "#/definitions/attendees" }
              }
            },
            "action_ids": { "type": "array", "items": { "type": "string" } },
            "next_meeting": {
              "oneOf": [
                { "type": "null" },
                {
                  "type": "object",
                  "required": ["date", "start", "end", "location"],
                  "additionalProperties": false,
                  "properties": { "date": {{Date}}, "start": {{DateTime}}, "end": {{DateTime}}, "location": {{NullableString}} }
                }
              ]
            }
          }
        }
        """, definitions: $$"""
        {
          "attendees": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["person_id", "note"],
              "additionalProperties": false,
              "properties": { "person_id": {{Id}}, "note": {{NullableString}} }
            }
          }
        }
        """);

    public static readonly string Members = Envelope("Members", "Every person named in the minutes (Popolo Person).", $$"""
        {
          "type": "object",
          "required": ["id", "name", "other_names", "url", "affiliation", "biography", "memberships", "actions_feed"],
          "additionalProperties": false,
          "properties": {
            "id": {{Id}},
            "name": { "type": "string" },
            "other_names": { "type": "array", "items": {{OtherName}} },
            "url": {{Url}},
            "affiliation": { "type": ["string", "null"], "description": "The organisation the person is from." },
            "biography": { "type": ["string", "null"], "description": "Plain text." },
            "memberships": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["organization_id", "organization_name", "role", "start_date", "end_date"],
                "additionalProperties": false,
                "properties": {
                  "organization_id": {{Id}},
                  "organization_name": { "type": "string" },
                  "role": { "type": "string" },
                  "start_date": {{NullableDate}},
                  "end_date": {{NullableDate}}
                }
              }
            },
            "actions_feed": { "type": "string", "format": "uri", "description": "Atom feed of the person's actions." }
          }
        }
        """);

    public static readonly string Bodies = Envelope("Bodies", "Every committee or council (Popolo Organization).", $$"""
        {
          "type": "object",
          "required": ["id", "name", "other_names", "description", "url", "memberships", "meeting_ids", "links"],
          "additionalProperties": false,
          "properties": {
            "id": {{Id}},
            "name": { "type": "string", "description": "The current name." },
            "other_names": { "type": "array", "description": "Former names, each used up to and including its end_date.", "items": {{OtherName}} },
            "description": {{NullableString}},
            "url": {{Url}},
            "memberships": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["person_id", "role", "start_date", "end_date"],
                "additionalProperties": false,
                "properties": { "person_id": {{Id}}, "role": { "type": "string" }, "start_date": {{NullableDate}}, "end_date": {{NullableDate}} }
              }
            },
            "meeting_ids": { "type": "array", "items": { "type": "string" } },
            "links": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["url", "note"],
                "additionalProperties": false,
                "properties": { "url": {{Url}}, "note": { "type": "string" } }
              }
            }
          }
        }
        """);

    public static readonly string Actions = Envelope("Actions", "Every action raised at a published meeting, with its progress.", $$"""
        {
          "type": "object",
          "required": ["id", "slug", "url", "meeting_id", "meeting_date", "organization_id", "item", "text", "owner_ids", "due_date", "status", "withheld", "exemption", "updates"],
          "additionalProperties": false,
          "properties": {
            "id": { "type": "string" },
            "slug": {{Id}},
            "url": {{Url}},
            "meeting_id": { "type": "string" },
            "meeting_date": {{Date}},
            "organization_id": {{Id}},
            "item": { "type": ["string", "null"], "description": "The number of the agenda item it arose under." },
            "text": { "type": ["string", "null"], "description": "Plain text; null when withheld." },
            "owner_ids": { "type": "array", "items": {{Id}} },
            "due_date": {{NullableDate}},
            "status": { "enum": ["open", "closed"] },
            "withheld": { "type": "boolean" },
            "exemption": {{Exemption}},
            "updates": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["meeting_id", "date", "status", "note", "note_withheld"],
                "additionalProperties": false,
                "properties": {
                  "meeting_id": { "type": "string" },
                  "date": {{Date}},
                  "status": { "enum": ["open", "closed", null] },
                  "note": { "type": ["string", "null"], "description": "Plain text; null when there is none or it is withheld." },
                  "note_withheld": { "type": "boolean" }
                }
              }
            }
          }
        }
        """);

    public static IReadOnlyList<(DataFile File, string Schema)> All { get; } =
    [
        (DataCatalogue.SchemaFor(DataCatalogue.Meetings), Meetings),
        (DataCatalogue.SchemaFor(DataCatalogue.Members), Members),
        (DataCatalogue.SchemaFor(DataCatalogue.Bodies), Bodies),
        (DataCatalogue.SchemaFor(DataCatalogue.Actions), Actions),
    ];
}
