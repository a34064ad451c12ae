using Quorum.Data;
using Quorum.Public;
using Quorum.Render;

namespace Quorum.Feeds;

/// <summary>Everything besides pages that subscribers and re-users fetch: Atom feeds, iCalendar files and the data downloads.</summary>
public sealed class MachineReadableWriter
{
    /// <summary>
    /// The three kinds side by side: a build writes them beside the search's reading, and on a small site they are
    /// the longer of the two (100 meetings: 250 ms against 120 ms, mostly each library's first use).
    /// </summary>
    public void Write(PublicArchive archive, ISiteOutput output) => SideBySide.Run(
        () => new AtomFeedWriter().Write(archive, output),
        () => new CalendarWriter().Write(archive, output),
        () => new DataWriter().Write(archive, output));
}
