namespace Quorum.Search.Lunr;

/// <summary>
/// lunr's indexing pipeline for one field's text at a time (tokenizer, trimmer, stop word filter, stemmer), counting
/// each term and numbering terms in the order first seen, which is lunr's term index (the index builder's words).
/// </summary>
internal sealed class LunrTermCounter
{
    private const int StopWord = -1;

    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];
    // Trimmed (lower-cased) token → term id or StopWord: caches the stop word filter and the stemmer.
    private readonly LunrTokenTable _tokens = new();

    // Scratch for one field: its lower-cased text, and term frequencies indexed by term id.
    private char[] _lowered = new char[4096];
    private int[] _counts = new int[1024];
    private readonly List<int> _touched = [];
    private readonly TermIdSorter _sorter = new();

    // Runs (SearchFiles.ReadSideBySide): the terms of the run being counted, by number, in the order first seen in it.
    private List<int>? _runTerms;
    private int _run;
    private int[] _seenInRun = new int[1024]; // per term: the last run it was seen in

    /// <summary>The terms numbered so far, by number.</summary>
    public IReadOnlyList<string> Terms => _terms;

    /// <summary>
    /// Starts a run: from now on, each term the first time it is seen until the next run is appended to
    /// <paramref name="terms"/>. A counter that reads runs out of order (the last meetings first) thus knows, for each
    /// run, the order a counter of its own would have numbered the run's terms in (<see cref="AdoptRun"/>).
    /// </summary>
    public void StartRun(List<int> terms)
    {
        _runTerms = terms;
        _run++;
    }

    /// <summary>
    /// Numbers a run's terms (<see cref="StartRun"/>) as this counter would have, had it counted the run's text after
    /// its own: a term it knows keeps its number, a new one is numbered after the rest, in the order the run saw them
    /// first. Runs adopted in the order of their text number every term as one reading in order would. Sets, for each
    /// of the run's terms, <paramref name="map"/>[its number in <paramref name="other"/>] to its number here.
    /// </summary>
    public void AdoptRun(LunrTermCounter other, List<int> runTerms, int[] map)
    {
        foreach (int term in runTerms)
            map[term] = IdOf(other._terms[term]);
    }

    /// <summary>A term's number, numbering it now if it is new.</summary>
    private int IdOf(string term)
    {
        if (!_termIds.TryGetValue(term, out int termId))
        {
            termId = _terms.Count;
            _termIds.Add(term, termId);
            _terms.Add(term);
            if (termId >= _counts.Length)
            {
                Array.Resize(ref _counts, _counts.Length * 2);
                Array.Resize(ref _seenInRun, _counts.Length);
            }
        }
        return termId;
    }

    /// <summary>One field's distinct term ids (ascending), how often each occurs, and its token count (stop words aside).</summary>
    public (int[] TermIds, int[] Counts, int Length) Count(string? text)
    {
        int length = Tally(text);
        int[] termIds = _touched.Count == 0 ? [] : new int[_touched.Count];
        int[] counts = _touched.Count == 0 ? [] : new int[_touched.Count];
        Spend(termIds, counts);
        return (termIds, counts, length);
    }

    /// <summary>
    /// <see cref="Count(string?)"/> into a new vector of <paramref name="table"/>, or, given <paramref name="replace"/>,
    /// into that vector anew.
    /// </summary>
    public void CountInto(string? text, FieldTermsTable table, int replace = -1)
    {
        int length = Tally(text);
        int vector = replace < 0 ? table.Add(_touched.Count, length) : table.Set(replace, _touched.Count, length);
        Spend(table.Ids(vector), table.Counts(vector));
    }

    /// <summary>Counts a field's terms into the scratch (<see cref="_touched"/>, sorted, and <see cref="_counts"/>); returns its token count.</summary>
    private int Tally(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return 0;

        // Lower-cased into a reused buffer (the ASCII runs vectorised), not a new string per field; ASCII text is then
        // scanned for ASCII separators only. Lower-casing was a quarter of the search's reading of the archive.
        ReadOnlySpan<char> lowered = JsLowerCase.ToLower(text, ref _lowered);
        var separators = System.Text.Ascii.IsValid(lowered) ? LunrTokenizer.AsciiSeparators : LunrTokenizer.Separators;
        int length = 0;
        int position = 0;
        while (LunrTokenizer.NextToken(lowered, separators, ref position, out int start, out int tokenLength))
        {
            int termId = TermIdOf(lowered.Slice(start, tokenLength));
            if (termId == StopWord)
                continue;
            length++;
            if (_counts[termId]++ == 0)
            {
                _touched.Add(termId);
                if (_runTerms is not null && _seenInRun[termId] != _run)
                {
                    _seenInRun[termId] = _run;
                    _runTerms.Add(termId);
                }
            }
        }

        // Term ids are lunr's term indexes, so sorting them gives lunr's vector order.
        _sorter.Sort(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_touched), []);
        return length;
    }

    /// <summary>Copies the scratch's terms and counts out, and clears the scratch for the next field.</summary>
    private void Spend(Span<int> termIds, Span<int> counts)
    {
        for (int i = 0; i < termIds.Length; i++)
        {
            int termId = _touched[i];
            termIds[i] = termId;
            counts[i] = _counts[termId];
            _counts[termId] = 0;
        }
        _touched.Clear();
    }

    private int TermIdOf(ReadOnlySpan<char> token)
    {
        // The cache is keyed by the trimmed token, which is all the rest of the pipeline sees: "council," and
        // "(council" share one entry, so the cache is smaller and more of it stays in the processor's cache.
        token = LunrTrimmer.Trim(token);
        int hash = LunrTokenTable.Hash(token);
        if (_tokens.TryGet(token, hash, out int cached))
            return cached;
        string? term = LunrPipeline.ProcessToken(token);
        int termId = term is null ? StopWord : IdOf(term);
        _tokens.Add(token, hash, termId);
        return termId;
    }
}
