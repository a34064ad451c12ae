using System.Reflection;
using Quorum.Public;

namespace Quorum.Tests.Foi;

/// <summary>
/// "Types, not discipline": nothing reachable from the public archive (what every renderer, index, feed and
/// data file receives) is a type of the raw input or the resolved archive, where withheld text lives.
/// </summary>
public class PublicTypesTests
{
    [Fact]
    public void The_public_archive_cannot_reach_the_raw_input_or_the_archive()
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>([typeof(PublicArchive)]);
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (!seen.Add(type)) continue;
            foreach (var member in type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Select(p => p.PropertyType)
                         .Concat(type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Select(f => f.FieldType)))
                foreach (var t in Expand(member))
                    if (t.Namespace?.StartsWith("Quorum", StringComparison.Ordinal) == true) queue.Enqueue(t);
        }
        var forbidden = seen.Where(t => !t.IsEnum && (t.Namespace == "Quorum.Load" || t.Namespace == "Quorum.Resolve")).ToList();
        Assert.Empty(forbidden);
        Assert.Contains(typeof(PublicMeeting), seen); // the walk does reach the model
    }

    static IEnumerable<Type> Expand(Type t)
    {
        yield return t;
        if (t.IsArray) foreach (var e in Expand(t.GetElementType()!)) yield return e;
        if (t.IsGenericType) foreach (var a in t.GetGenericArguments()) foreach (var e in Expand(a)) yield return e;
    }
}
