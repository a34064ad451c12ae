namespace Quorum.Search.Lunr;

/// <summary>
/// lunr.Builder as <c>lunr(function () { this.ref('ref'); this.field(...); this.add(doc, { boost }) })</c>
/// runs it in lunr 2.3.9: pipeline trimmer → stopWordFilter → stemmer on every field, BM25 with
/// b = 0.75 and k1 = 1.2, scores rounded to 3 places, terms numbered in the order first seen.
/// Quirks kept on purpose: the empty term "" (a token trimmed to nothing) is indexed; adding a ref
/// twice counts it twice in documentCount while its vectors keep only the last add.
/// </summary>
public sealed class LunrIndexBuilder
{
    private const double B = 0.75;
    private const double K1 = 1.2;

    // lunr's field names go through a plain {} (averageFieldLength), so Object.prototype's names break it.
    private static readonly HashSet<string> ReservedFieldNames = new(StringComparer.Ordinal)
    {
        "_index", "__proto__", "constructor", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable",
        "toLocaleString", "toString", "valueOf", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
    };

    private readonly string[] _fields;
    private readonly double[] _fieldBoosts;

    private readonly Dictionary<string, int> _slotByRef = new(StringComparer.Ordinal);
    private readonly List<string> _refs = [];
    private readonly List<double> _docBoosts = [];
    private readonly FieldTermsTable _fieldTerms = new(); // vector slot * fieldCount + field
    private int _documentCount;
    private bool _hasRepeatedRefs;

    private readonly LunrTermCounter _counter = new();

    // Postings as appended (term id, slot) pairs per field, in add order; grouped by term in Build. Kept only when
    // the index will list each term's refs (lunr's JSON): the field terms say the same for the sharded index.
    private readonly bool _keepPostings;
    private readonly IntList[] _postingTerms;
    private readonly IntList[] _postingSlots;
    private bool _built;

    /// <param name="fields">The fields, each with its boost.</param>
    /// <param name="keepPostings">
    /// False when the index will be built without posting refs (<see cref="Build(bool)"/>): the builder then holds a
    /// term's documents only in the documents' own term lists, which at 5,000 meetings saves about 80 MB; a ref may
    /// not be added twice, since only the posting lists can count it once.
    /// </param>
    public LunrIndexBuilder(IReadOnlyList<LunrField> fields, bool keepPostings = true)
    {
        ArgumentNullException.ThrowIfNull(fields);
        // lunr keeps fields in a JS object: a repeated name keeps its first place and its last boost.
        var boosts = new Dictionary<string, double>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (LunrField field in fields)
        {
            if (field.Name.Contains('/'))
                throw new ArgumentException($"Field '{field.Name}' contains illegal character '/'", nameof(fields));
            if (ReservedFieldNames.Contains(field.Name))
                throw new ArgumentException($"Field name '{field.Name}' breaks lunr.js (it is a JavaScript object property)", nameof(fields));
            if (!boosts.ContainsKey(field.Name))
                names.Add(field.Name);
            boosts[field.Name] = field.Boost;
        }
        _fields = JsPropertyOrder.Order(names);
        _fieldBoosts = new double[_fields.Length];
        for (int f = 0; f < _fields.Length; f++)
            _fieldBoosts[f] = OrOne(boosts[_fields[f]]);
        _keepPostings = keepPostings;
        _postingTerms = new IntList[keepPostings ? _fields.Length : 0];
        _postingSlots = new IntList[keepPostings ? _fields.Length : 0];
        for (int f = 0; f < _postingTerms.Length; f++)
        {
            _postingTerms[f] = new IntList();
            _postingSlots[f] = new IntList();
        }
    }

    public IReadOnlyList<string> Fields => _fields;

    // JS `boost || 1`: 0 and NaN mean 1.
    private static double OrOne(double boost) => boost == 0 || double.IsNaN(boost) ? 1 : boost;

    public void Add(LunrDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(doc.Ref);
        if (_built)
            throw new InvalidOperationException("this builder has built its index");
        int fieldCount = _fields.Length;
        bool repeated = _slotByRef.TryGetValue(doc.Ref, out int slot);
        if (repeated)
        {
            if (!_keepPostings)
                throw new InvalidOperationException($"the ref '{doc.Ref}' was added twice to a builder that keeps no posting lists");
            _hasRepeatedRefs = true;
            _docBoosts[slot] = OrOne(doc.Boost);
        }
        else
        {
            slot = _refs.Count;
            _slotByRef.Add(doc.Ref, slot);
            _refs.Add(doc.Ref);
            _docBoosts.Add(OrOne(doc.Boost));
        }
        _documentCount++;

        for (int f = 0; f < fieldCount; f++)
        {
            doc.Fields.TryGetValue(_fields[f], out string? text);
            int vector = slot * fieldCount + f;
            _counter.CountInto(text, _fieldTerms, repeated ? vector : -1);
            if (_keepPostings)
            {
                foreach (int termId in _fieldTerms.Ids(vector))
                {
                    _postingTerms[f].Add(termId);
                    _postingSlots[f].Add(slot);
                }
            }
        }
    }

    /// <summary>A document's fields counted by another counter, in its numbering, as the next vectors of <paramref name="table"/>: for <see cref="AddCounted"/>.</summary>
    internal void Count(LunrDocument doc, LunrTermCounter counter, FieldTermsTable table)
    {
        for (int f = 0; f < _fields.Length; f++)
        {
            doc.Fields.TryGetValue(_fields[f], out string? text);
            counter.CountInto(text, table);
        }
    }

    /// <summary>The counter this builder numbers terms with, for <see cref="LunrTermCounter.AdoptRun"/>.</summary>
    internal LunrTermCounter Counter => _counter;

    /// <summary>
    /// Puts a document's fields that another counter counted (<see cref="Count"/>) into this builder's numbering:
    /// each term number mapped by <paramref name="map"/> (<see cref="LunrTermCounter.AdoptRun"/>), in ascending order
    /// again. It touches only vectors [fromVector, toVector) of the table, so documents can be renumbered side by side.
    /// </summary>
    internal static void Renumber(FieldTermsTable table, int fromVector, int toVector, int[] map, TermIdSorter sorter)
    {
        for (int v = fromVector; v < toVector; v++)
        {
            var termIds = table.Ids(v);
            for (int i = 0; i < termIds.Length; i++)
                termIds[i] = map[termIds[i]];
            sorter.Sort(termIds, table.Counts(v)); // ascending again: lunr's vector order (a field's terms are distinct)
        }
    }

    /// <summary>
    /// Adds a document another counter counted, its fields <see cref="Renumber">renumbered</see>: the same as
    /// <see cref="Add"/> had this builder counted it. Only for a builder that keeps no posting lists, and a ref not
    /// added before.
    /// </summary>
    internal void AddCounted(string docRef, double boost, FieldTermsTable table, int firstVector)
    {
        if (_keepPostings)
            throw new InvalidOperationException("a builder that keeps posting lists counts its documents itself");
        if (_built)
            throw new InvalidOperationException("this builder has built its index");
        if (!_slotByRef.TryAdd(docRef, _refs.Count))
            throw new InvalidOperationException($"the ref '{docRef}' was added twice to a builder that keeps no posting lists");
        _refs.Add(docRef);
        _docBoosts.Add(OrOne(boost));
        _documentCount++;
        _fieldTerms.AddFrom(table, firstVector, firstVector + _fields.Length);
    }

    public LunrIndex Build() => Build(withPostingRefs: true);

    /// <summary>
    /// Builds the index; without posting refs (<paramref name="withPostingRefs"/> false) each term's
    /// <see cref="LunrTerm.RefsByField"/> is left empty, which saves time and memory when only the field vectors and
    /// terms are needed, and the index cannot be written as lunr's JSON.
    /// </summary>
    /// <remarks>A builder builds once: it lets go of the term counts as it turns them into vectors.</remarks>
    public LunrIndex Build(bool withPostingRefs)
    {
        if (withPostingRefs && !_keepPostings)
            throw new InvalidOperationException("posting refs need a builder that keeps its posting lists");
        StartBuild();
        int fieldCount = _fields.Length;
        int termCount = _counter.Terms.Count;
        int slotCount = _refs.Count;
        // A repeated ref needs the grouping to count it once; otherwise each posting entry is one document.
        string[][][]? refs = withPostingRefs || _hasRepeatedRefs ? GroupPostings(termCount) : null;
        var (idf, averageFieldLength) = Weights(refs);

        var vectors = new LunrFieldVector[slotCount * fieldCount];
        for (int s = 0; s < slotCount; s++)
        {
            for (int f = 0; f < fieldCount; f++)
            {
                int v = s * fieldCount + f;
                int[] termIds = _fieldTerms.Ids(v).ToArray();
                Span<int> counts = _fieldTerms.Counts(v);
                var scores = new double[termIds.Length];
                double lengthRatio = _fieldTerms.Length(v) / averageFieldLength[f];
                for (int i = 0; i < scores.Length; i++)
                    scores[i] = JsMath.Round(Score(idf[termIds[i]], counts[i], lengthRatio, f, s) * 1000) / 1000;
                vectors[v] = new LunrFieldVector(_fields[f], _refs[s], termIds, scores);
            }
        }

        var terms = SortedTerms(withPostingRefs ? refs : null);
        return new LunrIndex((string[])_fields.Clone(), vectors, terms, _documentCount) { HasPostingRefs = withPostingRefs };
    }

    /// <summary>
    /// The index's terms and scores without its field vectors (<see cref="LunrScores"/>): the same numbers as
    /// <see cref="Build(bool)"/> gives, each score written as thousandths over the count it was made from.
    /// </summary>
    /// <remarks>A builder builds once. A builder that was given a ref twice cannot: only lunr's vectors keep the last add.</remarks>
    public LunrScores BuildScores()
    {
        if (_hasRepeatedRefs)
            throw new InvalidOperationException("a ref was added twice: build the index, whose vectors keep its last add");
        StartBuild();
        int fieldCount = _fields.Length;
        int slotCount = _refs.Count;
        var (idf, averageFieldLength) = Weights(refs: null);
        LunrTerm[] sorted = [];
        // Each document's scores are its own, and the terms' order needs none of them: the build waited for this
        // on one core (50 ms of 340 at 1,000 meetings), so the documents are scored in parallel beside the sort.
        SideBySide.Run(
            () => Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, slotCount, 512),
                range => ScoreSlots(range.Item1, range.Item2, idf, averageFieldLength)),
            () => sorted = SortedTerms(refs: null));
        return new LunrScores((string[])_fields.Clone(), [.. _refs], sorted, _fieldTerms);
    }

    /// <summary>The scores, in thousandths, of slots [<paramref name="from"/>, <paramref name="to"/>): their counts, now spent, become the scores.</summary>
    private void ScoreSlots(int from, int to, double[] idf, double[] averageFieldLength)
    {
        int fieldCount = _fields.Length;
        for (int s = from; s < to; s++)
        {
            for (int f = 0; f < fieldCount; f++)
            {
                int v = s * fieldCount + f;
                Span<int> termIds = _fieldTerms.Ids(v), counts = _fieldTerms.Counts(v);
                double lengthRatio = _fieldTerms.Length(v) / averageFieldLength[f];
                for (int i = 0; i < counts.Length; i++)
                    counts[i] = checked((int)JsMath.Round(Score(idf[termIds[i]], counts[i], lengthRatio, f, s) * 1000));
            }
        }
    }

    /// <summary>Every term in lunr's (ordinal) order, with its refs per field, or none when <paramref name="refs"/> is null.</summary>
    private LunrTerm[] SortedTerms(string[][][]? refs)
    {
        int fieldCount = _fields.Length;
        var terms = new LunrTerm[_counter.Terms.Count];
        var none = new string[fieldCount][];
        Array.Fill(none, []);
        for (int t = 0; t < terms.Length; t++)
        {
            var byField = none;
            if (refs is not null)
            {
                byField = new string[fieldCount][];
                for (int f = 0; f < fieldCount; f++)
                    byField[f] = refs[f][t];
            }
            terms[t] = new LunrTerm(_counter.Terms[t], t, byField);
        }
        Array.Sort(terms, static (a, b) => string.CompareOrdinal(a.Term, b.Term));
        return terms;
    }

    private void StartBuild()
    {
        if (_built)
            throw new InvalidOperationException("this builder has built its index");
        _built = true;
    }

    /// <summary>lunr's idf of each term, and each field's average length: what every score needs.</summary>
    private (double[] Idf, double[] AverageFieldLength) Weights(string[][][]? refs)
    {
        int fieldCount = _fields.Length;
        int termCount = _counter.Terms.Count;
        int slotCount = _refs.Count;
        var holding = new int[termCount];
        for (int f = 0; f < fieldCount; f++)
        {
            if (refs is not null)
            {
                for (int t = 0; t < termCount; t++)
                    holding[t] += refs[f][t].Length;
            }
            else
            {
                // No ref was added twice, so each document's field terms are its postings.
                for (int s = 0; s < slotCount; s++)
                    foreach (int t in _fieldTerms.Ids(s * fieldCount + f))
                        holding[t]++;
            }
        }

        // lunr.idf over final postings: ln(1 + |(N - n + 0.5) / (n + 0.5)|), n = documents holding the term.
        var idf = new double[termCount];
        for (int t = 0; t < termCount; t++)
        {
            int n = holding[t];
            double x = (_documentCount - n + 0.5) / (n + 0.5);
            idf[t] = JsMath.Log(1 + Math.Abs(x));
        }

        var averageFieldLength = new double[fieldCount];
        for (int f = 0; f < fieldCount; f++)
        {
            double total = 0;
            for (int s = 0; s < slotCount; s++)
                total += _fieldTerms.Length(s * fieldCount + f);
            averageFieldLength[f] = total / slotCount;
        }
        return (idf, averageFieldLength);
    }

    /// <summary>lunr's score of a term in a field before rounding: the same operations in the same order as lunr.Builder.prototype.createFieldVectors.</summary>
    private double Score(double idf, double tf, double lengthRatio, int field, int slot)
    {
        double score = idf * ((K1 + 1) * tf) / (K1 * (1 - B + B * lengthRatio) + tf);
        score *= _fieldBoosts[field];
        score *= _docBoosts[slot];
        return score;
    }

    /// <summary>Refs per field per term, in insertion order then JS key order (array-index refs first).</summary>
    private string[][][] GroupPostings(int termCount)
    {
        var (isIndex, indexValue) = RefKeyKinds();
        var result = new string[_fields.Length][][];
        var seenStamp = _hasRepeatedRefs ? new int[_refs.Count] : null;
        var scratch = new List<int>();
        for (int f = 0; f < _fields.Length; f++)
        {
            IntList termsOf = _postingTerms[f], slotsOf = _postingSlots[f];
            var start = new int[termCount + 1];
            for (int i = 0; i < termsOf.Count; i++)
                start[termsOf[i] + 1]++;
            for (int t = 0; t < termCount; t++)
                start[t + 1] += start[t];
            var slots = new int[termsOf.Count];
            var fill = (int[])start.Clone();
            for (int i = 0; i < termsOf.Count; i++)
                slots[fill[termsOf[i]]++] = slotsOf[i];

            var byTerm = new string[termCount][];
            for (int t = 0; t < termCount; t++)
            {
                scratch.Clear();
                for (int i = start[t]; i < start[t + 1]; i++)
                {
                    int slot = slots[i];
                    if (seenStamp is not null)
                    {
                        // A re-added ref is already a key of this posting: keep its first place.
                        if (seenStamp[slot] == t + 1)
                            continue;
                        seenStamp[slot] = t + 1;
                    }
                    scratch.Add(slot);
                }
                byTerm[t] = OrderedRefs(scratch, isIndex, indexValue);
            }
            if (seenStamp is not null)
                Array.Clear(seenStamp);
            result[f] = byTerm;
        }
        return result;
    }

    private (bool[] IsIndex, uint[] IndexValue) RefKeyKinds()
    {
        var isIndex = new bool[_refs.Count];
        var indexValue = new uint[_refs.Count];
        for (int s = 0; s < _refs.Count; s++)
            isIndex[s] = JsPropertyOrder.IsArrayIndex(_refs[s], out indexValue[s]);
        return (isIndex, indexValue);
    }

    private string[] OrderedRefs(List<int> slots, bool[] isIndex, uint[] indexValue)
    {
        if (slots.Count == 0)
            return [];
        var ordered = new string[slots.Count];
        int indexCount = 0;
        foreach (int slot in slots)
        {
            if (isIndex[slot])
                indexCount++;
        }
        if (indexCount == 0)
        {
            for (int i = 0; i < ordered.Length; i++)
                ordered[i] = _refs[slots[i]];
            return ordered;
        }
        var indexSlots = new int[indexCount];
        int n = 0, o = indexCount;
        foreach (int slot in slots)
        {
            if (isIndex[slot])
                indexSlots[n++] = slot;
            else
                ordered[o++] = _refs[slot];
        }
        if (!IsSortedByIndex(indexSlots, indexValue))
            Array.Sort(indexSlots, (a, b) => indexValue[a].CompareTo(indexValue[b]));
        for (int i = 0; i < indexCount; i++)
            ordered[i] = _refs[indexSlots[i]];
        return ordered;
    }

    private static bool IsSortedByIndex(int[] slots, uint[] indexValue)
    {
        for (int i = 1; i < slots.Length; i++)
        {
            if (indexValue[slots[i - 1]] > indexValue[slots[i]])
                return false;
        }
        return true;
    }

    private sealed class IntList
    {
        private int[] _items = new int[256];

        public int Count { get; private set; }

        public int this[int index] => _items[index];

        public void Add(int value)
        {
            if (Count == _items.Length)
                Array.Resize(ref _items, _items.Length * 2);
            _items[Count++] = value;
        }
    }
}
