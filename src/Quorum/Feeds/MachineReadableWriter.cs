using Quorum.Data;
using Quorum.Public;
using Quorum.Render;

namespace Quorum.Feeds;

/// <summary>Everything besides pages that subscribers and re-users fetch: Atom feeds, iCalendar files and the data downloads.</summary>
public sealed class MachineReadableWriter
{
    public void Write(PublicArchive archive, ISiteOutput output)
    {
        new AtomFeedWriter().Write(archive, output);
        new CalendarWriter().Write(archive, output);
        new DataWriter().Write(archive, output);
    }
}
