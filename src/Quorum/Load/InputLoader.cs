using Quorum.Diagnostics;

namespace Quorum.Load;

/// <summary>The load phase: reads the input folder (FORMAT.md, "The input folder") into a <see cref="RawInput"/>.</summary>
public static class InputLoader
{
    public static RawInput? Load(string inputDirectory, DiagnosticBag diagnostics) => Load(inputDirectory, diagnostics, null);

    /// <summary>As <see cref="Load(string, DiagnosticBag)"/>; with a <paramref name="cache"/>, a file whose path, last-write time
    /// and length are unchanged since the cache last read it is not read again (its record and problems are reused).
    /// <paramref name="siteLoaded"/> has the site's settings as soon as <c>site.yml</c> is read, before the rest of the input.</summary>
    public static RawInput? Load(string inputDirectory, DiagnosticBag diagnostics, LoadCache? cache, Action<RawSiteConfig>? siteLoaded = null)
    {
        var root = Path.GetFullPath(inputDirectory);
        var displayRoot = cache?.DisplayRoot ?? Environment.CurrentDirectory;
        string Display(string full) => Path.GetRelativePath(displayRoot, full).Replace('\\', '/');

        var siteFile = Path.Combine(root, "site.yml");
        if (!Directory.Exists(root))
        {
            diagnostics.Error(DiagnosticCodes.MissingKey, SourceLocation.File(Display(root)), "the input folder does not exist");
            return null;
        }
        if (!File.Exists(siteFile))
        {
            diagnostics.Error(DiagnosticCodes.MissingKey, SourceLocation.File(Display(siteFile)), "the input folder needs a site.yml with 'title' and 'base_url'");
            return null;
        }

        cache?.BeginLoad();
        T? Read<T>(string f, string inputPath, Func<SourceFile, DiagnosticBag, T?> load) where T : class =>
            cache is null ? load(SourceFile.Read(f, Display(f), inputPath), diagnostics) : cache.Read(f, Display(f), inputPath, load, diagnostics);

        // site.yml is read beside the rest, which does not depend on it: as the first YAML a build reads it takes
        // 30 ms while the YAML library's code is readied, and the other core sat idle meanwhile.
        RawSiteConfig? site = null;
        var siteRead = Task.Run(() =>
        {
            site = Read(siteFile, "site.yml", SiteLoader.Load);
            if (site is not null) siteLoaded?.Invoke(site);
        });
        var bodies = Files(root, "bodies", "*.yml", diagnostics, Display)
            .Select(f => Read(f, Path.GetRelativePath(root, f), BodyLoader.Load)).OfType<RawBody>().ToList();
        var members = Files(root, "members", "*.md", diagnostics, Display)
            .Select(f => Read(f, Path.GetRelativePath(root, f), MemberLoader.Load)).OfType<RawMember>().ToList();
        var meetingFiles = Files(root, "meetings", "*.md", diagnostics, Display, recursive: true);
        var meetings = new RawMeeting?[meetingFiles.Count];
        Parallel.For(0, meetingFiles.Count, i =>
            meetings[i] = Read(meetingFiles[i], Path.GetRelativePath(root, meetingFiles[i]), MeetingLoader.Load));
        var pages = Files(root, "pages", "*.md", diagnostics, Display)
            .Select(f => Read(f, Path.GetRelativePath(root, f), PageLoader.Load)).OfType<RawPage>().ToList();
        siteRead.GetAwaiter().GetResult(); // its failure, as itself
        cache?.EndLoad();

        return site is null ? null : new RawInput(site, bodies, members, meetings.OfType<RawMeeting>().ToList(), pages);
    }

    /// <summary>The files of one folder in ordinal order, so every run reads (and numbers) them the same way.</summary>
    static List<string> Files(string root, string folder, string pattern, DiagnosticBag diagnostics, Func<string, string> display, bool recursive = false)
    {
        var dir = Path.Combine(root, folder);
        if (!Directory.Exists(dir)) return [];
        var option = recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly;
        foreach (var other in Directory.EnumerateFiles(dir, "*", option))
        {
            var name = Path.GetFileName(other);
            if (name.StartsWith('.') || Path.GetExtension(other) == pattern[1..]) continue;
            if (name.Equals("README.md", StringComparison.OrdinalIgnoreCase)) continue;
            diagnostics.Warning(DiagnosticCodes.MisplacedFile, SourceLocation.File(display(other)),
                $"ignored: files in {folder}/ must end in {pattern[1..]}");
        }
        return Directory.EnumerateFiles(dir, pattern, option)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A .md file's front-matter, parsed; reports a file without one.</summary>
    internal static (YamlMappingNode Map, YamlReader Reader, FrontMatterDocument Doc)? FrontMatter(SourceFile file, DiagnosticBag diagnostics)
    {
        var doc = file.FrontMatter();
        if (doc is null)
        {
            diagnostics.Error(DiagnosticCodes.FrontMatterMissing, SourceLocation.File(file.DisplayPath),
                "the file must start with YAML front-matter between two '---' lines");
            return null;
        }
        var map = YamlReader.Parse(doc.Yaml, file.DisplayPath, doc.YamlFirstLine, diagnostics);
        return map is null ? null : (map, new YamlReader(file.DisplayPath, doc.YamlFirstLine, diagnostics), doc);
    }

    internal static string FileId(SourceFile file, DiagnosticBag diagnostics, string what)
    {
        var id = Path.GetFileNameWithoutExtension(file.FullPath);
        if (!Ids.IsValid(id))
            diagnostics.Error(DiagnosticCodes.InvalidId, SourceLocation.File(file.DisplayPath),
                $"'{id}' is not a valid {what} id: use lower-case letters, digits and single hyphens (e.g. '{Suggest(id)}')");
        return id;
    }

    static string Suggest(string id)
    {
        var s = new string(id.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        while (s.Contains("--")) s = s.Replace("--", "-");
        return s.Trim('-');
    }
}
