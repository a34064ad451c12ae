using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Quorum.Feeds;
using Quorum.Public;

namespace Quorum.Render;

/// <summary>
/// schema.org descriptions of pages as JSON-LD, for the layout's <c>&lt;script type="application/ld+json"&gt;</c>:
/// a <c>WebSite</c> for the home page, an <c>Event</c> for a meeting, a <c>Person</c> for a member and a
/// <c>GovernmentOrganization</c> for a body. Built from the public archive only. The result is safe to place
/// inside a script element as it is: <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> only ever appear as <c>\u003c</c>,
/// <c>\u003e</c> and <c>\u0026</c>, so no text can close the element.
/// </summary>
public static class JsonLd
{
    const string Context = "https://schema.org";

    static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string WebSite(PublicArchive archive, SiteUrls urls)
    {
        var site = archive.Site;
        var o = Node("WebSite", site.Title, Abs(site, urls.Home));
        Add(o, "description", site.Description);
        o["inLanguage"] = site.Language;
        o["license"] = site.LicenceUrl;
        o["potentialAction"] = new JsonObject
        {
            ["@type"] = "SearchAction",
            ["target"] = Abs(site, urls.Search) + "?q={search_term_string}",
            ["query-input"] = "required name=search_term_string",
        };
        return Serialize(o);
    }

    public static string Meeting(PublicMeeting m, PublicSite site, SiteUrls urls)
    {
        var o = Node("Event", m.Title, Abs(site, urls.Meeting(m.Slug)));
        o["description"] = $"{(m.IsDraft ? "Draft minutes" : "Minutes")} of the {m.BodyName} meeting of {ThemeHelpers.LongDate(m.Date)}.";
        var (start, end) = MeetingTimes.Local(m.Date, m.Start, m.End);
        o["startDate"] = MeetingTimes.Iso(start) ?? MeetingTimes.IsoDate(m.Date);
        if ((MeetingTimes.Iso(end) ?? (start is null ? MeetingTimes.IsoDate(m.Date) : null)) is { } endDate) o["endDate"] = endDate;
        o["eventStatus"] = "https://schema.org/EventScheduled";
        o["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode";
        if (m.Venue is not null)
            o["location"] = new JsonObject { ["@type"] = "Place", ["name"] = m.Venue, ["address"] = m.Venue };
        o["organizer"] = Organization(m.Body, m.BodyName, site, urls);
        var attendees = new JsonArray();
        foreach (var a in m.Present.Concat(m.InAttendance)) attendees.Add((JsonNode)PersonRef(a.Member, site, urls));
        if (attendees.Count > 0) o["attendee"] = attendees;
        return Serialize(o);
    }

    public static string Person(PublicMember m, PublicSite site, SiteUrls urls)
    {
        var o = Node("Person", m.Name, Abs(site, urls.Member(m.Id)));
        if (m.Aliases.Count > 0) o["alternateName"] = new JsonArray(m.Aliases.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray());
        if (m.Organisation is not null) o["affiliation"] = new JsonObject { ["@type"] = "Organization", ["name"] = m.Organisation };
        if (m.Roles.Count > 0)
            o["memberOf"] = new JsonArray(m.Roles.Select(r =>
            {
                var role = new JsonObject
                {
                    ["@type"] = "OrganizationRole",
                    ["roleName"] = r.Role,
                    ["memberOf"] = new JsonObject { ["@type"] = "GovernmentOrganization", ["@id"] = Abs(site, urls.Body(r.BodyId)), ["name"] = r.BodyName },
                };
                if (r.From is { } from) role["startDate"] = MeetingTimes.IsoDate(from);
                if (r.Until is { } until) role["endDate"] = MeetingTimes.IsoDate(until);
                return (JsonNode?)role;
            }).ToArray());
        return Serialize(o);
    }

    public static string Body(PublicBody b, PublicSite site, SiteUrls urls)
    {
        var o = Node("GovernmentOrganization", b.Name, Abs(site, urls.Body(b.Id)));
        Add(o, "description", b.Description);
        if (b.FormerNames.Count > 0)
            o["alternateName"] = new JsonArray(b.FormerNames.Select(f => (JsonNode?)JsonValue.Create(f.Name)).ToArray());
        return Serialize(o);
    }

    static JsonObject Organization(PublicBody b, string name, PublicSite site, SiteUrls urls) => new()
    {
        ["@type"] = "GovernmentOrganization",
        ["@id"] = Abs(site, urls.Body(b.Id)),
        ["name"] = name,
        ["url"] = Abs(site, urls.Body(b.Id)),
    };

    static JsonObject PersonRef(PublicMember m, PublicSite site, SiteUrls urls) => new()
    {
        ["@type"] = "Person",
        ["@id"] = Abs(site, urls.Member(m.Id)),
        ["name"] = m.Name,
        ["url"] = Abs(site, urls.Member(m.Id)),
    };

    static JsonObject Node(string type, string name, string url) => new()
    {
        ["@context"] = Context,
        ["@type"] = type,
        ["@id"] = url,
        ["name"] = name,
        ["url"] = url,
    };

    static void Add(JsonObject o, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) o[key] = value;
    }

    static string Abs(PublicSite site, string path) => FeedPaths.Absolute(site, path);

    /// <summary>Compact JSON, script-safe: the encoder escapes &lt; &gt; &amp; already; the replacements make sure of it whatever the encoder does.</summary>
    internal static string Serialize(JsonNode node) =>
        node.ToJsonString(Options).Replace("<", "\\u003c").Replace(">", "\\u003e").Replace("&", "\\u0026");
}
