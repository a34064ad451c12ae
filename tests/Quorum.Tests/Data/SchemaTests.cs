using NJsonSchema;
using Quorum.Data;
using Quorum.Tests.Feeds;

namespace Quorum.Tests.Data;

/// <summary>Every JSON download validates against the JSON Schema published beside it (validated with NJsonSchema).</summary>
public class SchemaTests
{
    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        foreach (var site in new[] { "demo", "fixture" })
            foreach (var file in DataCatalogue.Files.Where(f => f.Format == "JSON"))
                data.Add(site, file.Path);
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Each_json_file_is_valid_against_its_published_schema(string which, string path)
    {
        var site = which == "demo" ? Built.Demo : Built.Fixture;
        var schemaPath = DataCatalogue.SchemaFor(DataCatalogue.Files.Single(f => f.Path == path)).Path;
        var schema = await JsonSchema.FromJsonAsync(site.Text(schemaPath));
        var json = site.Text(path);
        var errors = schema.Validate(json);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind} {e.Property}")));
        // The file names its schema by its absolute URL.
        Assert.Contains($"\"schema\": \"{site.Archive.Site.BaseUrl}{schemaPath}\"", json);
    }

    [Fact]
    public async Task The_schemas_catch_a_wrong_shape()
    {
        var schema = await JsonSchema.FromJsonAsync(Built.Demo.Text("data/schemas/actions.schema.json"));
        var json = Built.Demo.Text("data/actions.json");
        Assert.NotEmpty(schema.Validate(json.Replace("\"status\": \"open\"", "\"status\": \"pending\"")));
        Assert.NotEmpty(schema.Validate(json.Replace("\"withheld\": false", "\"withheld\": false, \"extra\": 1")));
        Assert.NotEmpty(schema.Validate(json.Replace("\"meeting_date\": \"2009-01-08\"", "\"meeting_date\": \"8 January 2009\"")));
    }

    [Fact]
    public void Every_schema_is_listed_on_the_data_page_and_published()
    {
        var page = Built.Demo.Text("data/index.html");
        foreach (var file in DataCatalogue.Files.Concat(DataCatalogue.Schemas))
        {
            Assert.Contains($"href=\"/{file.Path}\"", page);
            Assert.True(Built.Demo.Output.Files.ContainsKey(file.Path), file.Path);
        }
    }
}
