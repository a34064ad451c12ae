using Quorum.Search.Lunr;

namespace Quorum.Tests.Search;

/// <summary>The flat store of the search's field terms: every vector reads back as written, across chunks.</summary>
public sealed class FieldTermsTableTests
{
    [Fact]
    public void Every_vector_reads_back_as_written_across_many_chunks()
    {
        // 300,000 vectors of 0 to 12 terms: some 1.8 million ints, past several chunks of ids and of descriptions.
        var table = new FieldTermsTable();
        for (int v = 0; v < 300_000; v++)
        {
            int added = table.Add(v % 13, length: v % 7);
            Assert.Equal(v, added);
            var ids = table.Ids(v);
            var counts = table.Counts(v);
            for (int i = 0; i < ids.Length; i++) (ids[i], counts[i]) = (v + i, v - i);
        }
        Assert.Equal(300_000, table.Vectors);
        for (int v = 0; v < 300_000; v += 997)
        {
            Assert.Equal(v % 13, table.Ids(v).Length);
            Assert.Equal(v % 7, table.Length(v));
            Assert.Equal(Enumerable.Range(v, v % 13), table.Ids(v).ToArray());
            Assert.Equal(Enumerable.Range(0, v % 13).Select(i => v - i), table.Counts(v).ToArray());
        }
    }

    [Fact]
    public void A_vector_longer_than_a_chunk_gets_one_of_its_own_and_a_replaced_vector_reads_its_new_terms()
    {
        var table = new FieldTermsTable();
        Assert.Equal(0, table.Add(3, 3));
        table.Ids(0).Fill(7);
        int big = table.Add(2_000_000, 2_000_000);
        table.Ids(big)[1_999_999] = 42;
        table.Add(1, 1);
        table.Ids(2)[0] = 9;
        Assert.Equal([7, 7, 7], table.Ids(0).ToArray());
        Assert.Equal(42, table.Ids(big)[^1]);
        Assert.Equal([9], table.Ids(2).ToArray());

        table.Set(0, 2, 5);
        table.Ids(0)[0] = 1;
        table.Ids(0)[1] = 2;
        Assert.Equal([1, 2], table.Ids(0).ToArray());
        Assert.Equal(5, table.Length(0));
        Assert.Equal([9], table.Ids(2).ToArray()); // the others as they were
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Ids(3));
    }

    [Fact]
    public void Vectors_copied_from_another_table_are_appended_in_order()
    {
        var other = new FieldTermsTable();
        for (int v = 0; v < 5; v++)
        {
            other.Add(v, 10 * v);
            other.Ids(v).Fill(v);
            other.Counts(v).Fill(-v);
        }
        var table = new FieldTermsTable();
        table.Add(0, 0);
        table.AddFrom(other, 2, 5);
        Assert.Equal(4, table.Vectors);
        for (int v = 2; v < 5; v++)
        {
            Assert.Equal(other.Ids(v).ToArray(), table.Ids(v - 1).ToArray());
            Assert.Equal(other.Counts(v).ToArray(), table.Counts(v - 1).ToArray());
            Assert.Equal(10 * v, table.Length(v - 1));
        }
    }
}
