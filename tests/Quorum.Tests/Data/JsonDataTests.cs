using System.Text.Json;
using Quorum.Tests.Feeds;

namespace Quorum.Tests.Data;

public class JsonDataTests
{
    static JsonElement Data(Built.Site site, string path)
    {
        var doc = JsonDocument.Parse(site.Bytes(path));
        var root = doc.RootElement;
        Assert.Equal("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/", root.GetProperty("license").GetString());
        Assert.Equal("Open Government Licence v3.0", root.GetProperty("license_name").GetString());
        return root.GetProperty("data");
    }

    static JsonElement ById(JsonElement array, string id) => array.EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);
    static string? S(JsonElement e, string name) => e.GetProperty(name).GetString();
    static List<string?> Strings(JsonElement array) => array.EnumerateArray().Select(x => x.GetString()).ToList();

    [Fact]
    public void Meetings_json_describes_each_meeting()
    {
        var site = Built.Demo;
        var meetings = Data(site, "data/meetings.json");
        Assert.Equal(2, meetings.GetArrayLength());
        var january = meetings[0];
        Assert.Equal("2009-01-08-local-cio-council", S(january, "id"));
        Assert.Equal("2009-01-08-local-cio-council", S(january, "slug"));
        Assert.Equal("https://minutes.example.org/meetings/2009-01-08-local-cio-council/", S(january, "url"));
        Assert.Equal("local-cio-council", S(january, "organization_id"));
        Assert.Equal("Local Government CIO Council", S(january, "organization_name")); // the name on the date
        Assert.Equal("2009-01-08", S(january, "date"));
        Assert.Equal("Sunningdale Park, Berkshire", S(january, "location"));
        Assert.Equal("approved", S(january, "status"));
        Assert.Equal(JsonValueKind.Null, january.GetProperty("start").ValueKind);

        var items = january.GetProperty("agenda_items").EnumerateArray().ToList();
        var item8 = items.Single(i => S(i, "number") == "8");
        Assert.Equal("item-8", S(item8, "anchor"));
        Assert.Equal("https://minutes.example.org/meetings/2009-01-08-local-cio-council/#item-8", S(item8, "url"));
        Assert.False(item8.GetProperty("withheld").GetBoolean());
        var item7 = items.Single(i => S(i, "number") == "7");
        Assert.Equal("Commercial matter", S(item7, "title"));
        Assert.True(item7.GetProperty("withheld").GetBoolean());
        Assert.Equal("FOIA s.43 — commercial interests", S(item7.GetProperty("exemption"), "ground"));

        var decisions = january.GetProperty("decisions").EnumerateArray().ToList();
        Assert.Equal(site.Archive.Meetings[0].AllItems.Sum(i => i.Decisions.Count), decisions.Count);
        var rename = decisions.Single(d => S(d, "item") == "8");
        Assert.Equal("https://minutes.example.org/meetings/2009-01-08-local-cio-council/#decision-8-1", S(rename, "url"));
        Assert.Contains("Local CIO Council", S(rename, "text"));
        Assert.DoesNotContain("<", S(rename, "text"));

        var july = meetings[1];
        Assert.Equal("Local CIO Council", S(july, "organization_name"));
        Assert.Equal("2009-07-02T14:45:00+01:00", S(july, "end"));
        var present = july.GetProperty("attendance").GetProperty("present").EnumerateArray().ToList();
        Assert.Contains(present, p => S(p, "person_id") == "jos-creese" && S(p, "note") == "Chair");
        Assert.Contains(present, p => S(p, "person_id") == "mark-brett" && p.GetProperty("note").ValueKind == JsonValueKind.Null);
        Assert.Contains(july.GetProperty("attendance").GetProperty("apologies").EnumerateArray(),
            p => S(p, "person_id") == "paul-lea" && S(p, "note") == "Standing down");
        Assert.Contains("L CIO 05/01", Strings(july.GetProperty("action_ids")));
        var next = july.GetProperty("next_meeting");
        Assert.Equal("2009-10-20", S(next, "date"));
        Assert.Equal("2009-10-20T09:00:00+01:00", S(next, "start"));
        Assert.Equal("2009-10-20T13:00:00+01:00", S(next, "end"));
        Assert.Equal("Cabinet Office, London, Room G45", S(next, "location"));
    }

    [Fact]
    public void Members_bodies_and_actions_json_use_popolo_names()
    {
        var site = Built.Demo;
        var members = Data(site, "data/members.json");
        Assert.Equal(site.Archive.Members.Count, members.GetArrayLength());
        var pam = ById(members, "pam-larsen");
        Assert.Equal("Pamela Larsen", S(pam, "name"));
        Assert.Equal(["Pam Larsen"], pam.GetProperty("other_names").EnumerateArray().Select(n => S(n, "name")));
        var archivePam = site.Archive.Members.Single(m => m.Id == "pam-larsen");
        Assert.Equal(archivePam.Aliases, pam.GetProperty("other_names").EnumerateArray().Select(n => S(n, "name")));
        Assert.Equal(archivePam.Organisation, S(pam, "affiliation"));
        Assert.Equal(archivePam.Roles.Count, pam.GetProperty("memberships").GetArrayLength());
        Assert.Equal("https://minutes.example.org/feeds/members/pam-larsen/actions.xml", S(pam, "actions_feed"));

        var body = ById(Data(site, "data/bodies.json"), "local-cio-council");
        Assert.Equal("Local CIO Council", S(body, "name"));
        var former = Assert.Single(body.GetProperty("other_names").EnumerateArray());
        Assert.Equal("Local Government CIO Council", S(former, "name"));
        Assert.Equal("2009-01-08", S(former, "end_date"));
        Assert.Equal(["2009-01-08-local-cio-council", "2009-07-02-local-cio-council"], Strings(body.GetProperty("meeting_ids")));

        var actions = Data(site, "data/actions.json");
        Assert.Equal(site.Archive.Actions.Select(a => a.Id), actions.EnumerateArray().Select(a => S(a, "id")));
        var first = ById(actions, "LG CIO 03/01");
        Assert.Equal("lg-cio-03-01", S(first, "slug"));
        Assert.Equal(["richard-steel"], Strings(first.GetProperty("owner_ids")));
        Assert.Equal("2009-01-08-local-cio-council", S(first, "meeting_id"));
        Assert.Equal("2", S(first, "item"));
        Assert.Equal(0, first.GetProperty("updates").GetArrayLength()); // July reports only on actions of meetings not in the input
        Assert.Equal("open", S(first, "status"));
        Assert.Equal("Richard Steel to follow up [the two further contacts provided by John Serle]", S(first, "text"));
    }

    [Fact]
    public void Withheld_things_keep_their_ground_and_lose_their_content()
    {
        var site = Built.Fixture;
        var march = Data(site, "data/meetings.json")[0];
        Assert.Equal("2024-03-05T18:30:00+00:00", S(march, "start")); // GMT
        Assert.Equal(FeedFixture.TrickyVenue, S(march, "location"));
        Assert.Equal("Testbury Parish Council", S(march, "organization_name"));
        var items = march.GetProperty("agenda_items").EnumerateArray().ToList();
        Assert.Equal(["1", "2"], items.Select(i => S(i, "number"))); // the exempt item's sub-item is withheld, title and all
        Assert.Equal(FeedFixture.ItemGround, S(items[1].GetProperty("exemption"), "ground"));
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("exemption").ValueKind);
        Assert.Single(march.GetProperty("decisions").EnumerateArray()); // the one in the exempt item is withheld
        Assert.Equal("2024-07-09T19:00:00+01:00", S(Data(site, "data/meetings.json")[1], "start")); // BST
        Assert.Equal("draft", S(Data(site, "data/meetings.json")[1], "status"));

        var actions = Data(site, "data/actions.json");
        var exempt = ById(actions, "TC 12/02");
        Assert.True(exempt.GetProperty("withheld").GetBoolean());
        Assert.Equal(FeedFixture.ActionGround, S(exempt.GetProperty("exemption"), "ground"));
        Assert.Equal(JsonValueKind.Null, exempt.GetProperty("text").ValueKind);
        Assert.Equal(JsonValueKind.Null, exempt.GetProperty("due_date").ValueKind);
        Assert.Equal(JsonValueKind.Null, exempt.GetProperty("item").ValueKind);
        Assert.Equal(0, exempt.GetProperty("owner_ids").GetArrayLength());
        var note = Assert.Single(exempt.GetProperty("updates").EnumerateArray());
        Assert.True(note.GetProperty("note_withheld").GetBoolean());
        Assert.Equal(JsonValueKind.Null, note.GetProperty("note").ValueKind);
        Assert.Equal("closed", S(exempt, "status")); // the status stays public

        var inherited = ById(actions, "TC 12/03");
        Assert.Equal(FeedFixture.ItemGround, S(inherited.GetProperty("exemption"), "ground"));

        var open = ById(actions, "TC 12/01");
        Assert.Equal("Write to the highways authority about Mill Lane, \"urgently\", and copy the clerk.", S(open, "text"));
        Assert.Equal("2024-04-30", S(open, "due_date"));
        var update = Assert.Single(open.GetProperty("updates").EnumerateArray());
        Assert.Equal("2024-07-09-town-council", S(update, "meeting_id"));
        Assert.Equal("2024-07-09", S(update, "date"));
        Assert.Equal("closed", S(update, "status"));
        Assert.Equal("The authority replied.", S(update, "note"));
        Assert.Equal("closed", S(open, "status"));
    }

    [Fact]
    public void Json_files_are_utf8_with_html_characters_escaped_and_one_trailing_newline()
    {
        foreach (var (path, bytes) in Built.Fixture.MachineReadable().Where(f => f.Key.EndsWith(".json", StringComparison.Ordinal)))
        {
            var text = Built.Site.Utf8(bytes);
            Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), path);
            Assert.EndsWith("}\n", text);
            Assert.DoesNotContain("\r", text);
            Assert.DoesNotContain("<", text);
            using var _ = JsonDocument.Parse(bytes);
        }
        // Non-ASCII stays readable.
        Assert.Contains("FOIA s.43 — commercial interests", Built.Site.Utf8(Built.Fixture.Bytes("data/actions.json")));
    }

    [Fact]
    public void Json_files_are_laid_out_and_escaped_as_the_serializer_writes_them_with_the_data_options()
    {
        // The records are written by the source generator's direct code and the envelope by hand
        // (DataWriter.WriteEnvelope): the bytes must be the serializer's own, as when it wrote the whole file.
        foreach (var (path, bytes) in Built.Fixture.MachineReadable().Where(f => f.Key.StartsWith("data/", StringComparison.Ordinal)
                     && f.Key.EndsWith(".json", StringComparison.Ordinal) && !f.Key.Contains("schema", StringComparison.Ordinal)))
        {
            using var doc = JsonDocument.Parse(bytes);
            // The data options with the framework's resolver (the data context knows the records, not JsonElement).
            var options = new JsonSerializerOptions(Quorum.Data.DataWriter.Json) { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
            var serialized = JsonSerializer.Serialize(doc.RootElement, options) + "\n";
            Assert.True(serialized == Built.Site.Utf8(bytes), $"{path} is not laid out as the serializer lays it out");
        }
    }
}
