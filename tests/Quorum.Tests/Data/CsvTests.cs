using Quorum.Tests.Feeds;

namespace Quorum.Tests.Data;

public class CsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("Mill Lane = potholes", "Mill Lane = potholes")]
    [InlineData("2024-03-05", "2024-03-05")]
    public void Fields_a_spreadsheet_would_run_as_formulas_are_defused(string field, string read)
    {
        var rows = CsvReader.Records(new Quorum.Data.Csv("text", "n").Row(field, "1").ToString());
        Assert.Equal(read, Assert.Single(rows)["text"]);
    }

    [Fact]
    public void Actions_csv_has_a_row_per_action()
    {
        var site = Built.Demo;
        var text = Built.Site.Utf8(site.Bytes("data/actions.csv"));
        Assert.StartsWith("id,url,meeting_id,meeting_date,organization_id,item,status,owner_ids,due_date,text,withheld,exemption_ground,exemption_until,last_update_date,last_update_note\r\n", text);
        var rows = CsvReader.Records(text);
        Assert.Equal(site.Archive.Actions.Select(a => a.Id), rows.Select(r => r["id"]));
        var first = rows.Single(r => r["id"] == "LG CIO 03/01");
        Assert.Equal("https://minutes.example.org/actions/lg-cio-03-01/", first["url"]);
        Assert.Equal("2009-01-08", first["meeting_date"]);
        Assert.Equal("richard-steel", first["owner_ids"]);
        Assert.Equal("open", first["status"]);
        Assert.Equal("false", first["withheld"]);
        Assert.Equal("Richard Steel to follow up [the two further contacts provided by John Serle]", first["text"]);
        // "all" expands to every member present, separated by semicolons.
        Assert.True(rows.Single(r => r["id"] == "L CIO 05/01")["owner_ids"].Split(';').Length > 10);
    }

    [Fact]
    public void Attendance_csv_has_a_row_per_person_per_meeting()
    {
        var site = Built.Demo;
        var rows = CsvReader.Records(Built.Site.Utf8(site.Bytes("data/attendance.csv")));
        Assert.Equal(site.Archive.Meetings.Sum(m => m.Present.Count + m.InAttendance.Count + m.Apologies.Count), rows.Count);
        Assert.Contains(rows, r => r["meeting_id"] == "2009-07-02-local-cio-council" && r["person_id"] == "jos-creese"
            && r["person_name"] == "Jos Creese" && r["attendance"] == "present" && r["note"] == "Chair");
        Assert.Contains(rows, r => r["person_id"] == "nathan-morgan" && r["attendance"] == "in_attendance");
        Assert.Contains(rows, r => r["person_id"] == "paul-lea" && r["attendance"] == "apologies" && r["note"] == "Standing down");
    }

    [Fact]
    public void Fields_with_commas_quotes_and_withheld_values_are_written_as_rfc_4180_says()
    {
        var site = Built.Fixture;
        var text = Built.Site.Utf8(site.Bytes("data/actions.csv"));
        Assert.Contains(",\"Write to the highways authority about Mill Lane, \"\"urgently\"\", and copy the clerk.\",", text);
        var rows = CsvReader.Records(text);
        var open = rows.Single(r => r["id"] == "TC 12/01");
        Assert.Equal("Write to the highways authority about Mill Lane, \"urgently\", and copy the clerk.", open["text"]);
        Assert.Equal("2024-04-30", open["due_date"]);
        Assert.Equal("2024-07-09", open["last_update_date"]);
        Assert.Equal("The authority replied.", open["last_update_note"]);
        var exempt = rows.Single(r => r["id"] == "TC 12/02");
        Assert.Equal("true", exempt["withheld"]);
        Assert.Equal(FeedFixture.ActionGround, exempt["exemption_ground"]);
        Assert.Equal("", exempt["text"]);
        Assert.Equal("", exempt["owner_ids"]);
        Assert.Equal("", exempt["due_date"]);
        Assert.Equal("", exempt["last_update_note"]);

        var attendance = CsvReader.Records(Built.Site.Utf8(site.Bytes("data/attendance.csv")));
        Assert.Contains(attendance, r => r["person_id"] == "carol-white" && r["note"] == "Clerk, \"acting\"");
    }
}
