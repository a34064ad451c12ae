using Quorum.Search.Lunr;
using Xunit;

namespace Quorum.Tests.Search;

public class TermIdSorterTests
{
    [Fact]
    public void SortsIdsAndTheirValuesAsASortByComparisonWould()
    {
        // Few ids (compared) and many (through the bitmap), spans that start and end anywhere in a 64-bit word, with
        // and without values; one sorter throughout, so its scratch must come back clean each time.
        var sorter = new TermIdSorter();
        var random = new Random(11);
        foreach (int count in new[] { 0, 1, 2, 64, 65, 66, 130, 500, 3_000 })
        {
            for (int round = 0; round < 6; round++)
            {
                int from = random.Next(0, 5_000), span = count + random.Next(0, 20_000);
                var ids = Enumerable.Range(from, span).OrderBy(_ => random.Next()).Take(count).ToArray();
                var values = ids.Select(id => id * 7 + 3).ToArray();
                var expected = ids.Order().ToArray();
                if (round % 2 == 0)
                {
                    sorter.Sort(ids, values);
                    Assert.Equal(expected, ids);
                    Assert.Equal(expected.Select(id => id * 7 + 3), values);
                }
                else
                {
                    sorter.Sort(ids, []);
                    Assert.Equal(expected, ids);
                }
            }
        }
    }
}
