using System.Text.RegularExpressions;

namespace Quorum.Search.Lunr;

/// <summary>
/// lunr.stemmer (Martin Porter's JavaScript stemmer as shipped in lunr 2.3.9), ported line by line
/// with the same regular expressions so that its quirks carry over. JavaScript's '.' (anything but
/// \n \r \u2028 \u2029) and '$' (end of input only) are spelled out, since .NET reads both differently.
/// Uncached: callers that stem many tokens cache whole pipeline results (see <see cref="LunrIndexBuilder"/>).
/// </summary>
internal static partial class PorterStemmer
{
    private const string Dot = @"[^\n\r\u2028\u2029]";
    private const string End = @"\z";

    private const string c = "[^aeiou]";          // consonant
    private const string v = "[aeiouy]";          // vowel
    private const string C = c + "[^aeiouy]*";    // consonant sequence
    private const string V = v + "[aeiou]*";      // vowel sequence

    private const string Mgr0 = "^(" + C + ")?" + V + C;                            // [C]VC... is m>0
    private const string Meq1 = "^(" + C + ")?" + V + C + "(" + V + ")?" + End;     // [C]VC[V] is m=1
    private const string Mgr1 = "^(" + C + ")?" + V + C + V + C;                    // [C]VCVC... is m>1
    private const string SV = "^(" + C + ")?" + v;                                  // vowel in stem

    [GeneratedRegex(Mgr0)] private static partial Regex ReMgr0();
    [GeneratedRegex(Mgr1)] private static partial Regex ReMgr1();
    [GeneratedRegex(Meq1)] private static partial Regex ReMeq1();
    [GeneratedRegex(SV)] private static partial Regex ReSV();

    [GeneratedRegex("^(" + Dot + "+?)(ss|i)es" + End)] private static partial Regex Re1a();
    [GeneratedRegex("^(" + Dot + "+?)([^s])s" + End)] private static partial Regex Re2_1a();
    [GeneratedRegex("^(" + Dot + "+?)eed" + End)] private static partial Regex Re1b();
    [GeneratedRegex("^(" + Dot + "+?)(ed|ing)" + End)] private static partial Regex Re2_1b();
    [GeneratedRegex(Dot + End)] private static partial Regex Re1b_2();
    [GeneratedRegex("(at|bl|iz)" + End)] private static partial Regex Re2_1b_2();
    [GeneratedRegex(@"([^aeiouylsz])\1" + End)] private static partial Regex Re3_1b_2();
    [GeneratedRegex("^" + C + v + "[^aeiouwxy]" + End)] private static partial Regex Re4_1b_2();

    [GeneratedRegex("^(" + Dot + "+?[^aeiou])y" + End)] private static partial Regex Re1c();
    [GeneratedRegex("^(" + Dot + "+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)" + End)]
    private static partial Regex Re2();
    [GeneratedRegex("^(" + Dot + "+?)(icate|ative|alize|iciti|ical|ful|ness)" + End)] private static partial Regex Re3();
    [GeneratedRegex("^(" + Dot + "+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)" + End)]
    private static partial Regex Re4();
    [GeneratedRegex("^(" + Dot + "+?)(s|t)(ion)" + End)] private static partial Regex Re2_4();
    [GeneratedRegex("^(" + Dot + "+?)e" + End)] private static partial Regex Re5();
    [GeneratedRegex("ll" + End)] private static partial Regex Re5_1();
    [GeneratedRegex("^" + C + v + "[^aeiouwxy]" + End)] private static partial Regex Re3_5();

    private static readonly Dictionary<string, string> Step2List = new(StringComparer.Ordinal)
    {
        ["ational"] = "ate", ["tional"] = "tion", ["enci"] = "ence", ["anci"] = "ance", ["izer"] = "ize",
        ["bli"] = "ble", ["alli"] = "al", ["entli"] = "ent", ["eli"] = "e", ["ousli"] = "ous",
        ["ization"] = "ize", ["ation"] = "ate", ["ator"] = "ate", ["alism"] = "al", ["iveness"] = "ive",
        ["fulness"] = "ful", ["ousness"] = "ous", ["aliti"] = "al", ["iviti"] = "ive", ["biliti"] = "ble",
        ["logi"] = "log",
    };

    private static readonly Dictionary<string, string> Step3List = new(StringComparer.Ordinal)
    {
        ["icate"] = "ic", ["ative"] = "", ["alize"] = "al", ["iciti"] = "ic", ["ical"] = "ic",
        ["ful"] = "", ["ness"] = "",
    };

    public static string Stem(string w)
    {
        if (w.Length < 3)
            return w;

        char firstch = w[0];
        if (firstch == 'y')
            w = "Y" + w[1..];

        // Step 1a
        if (Re1a().IsMatch(w))
            w = Re1a().Replace(w, "$1$2", 1);
        else if (Re2_1a().IsMatch(w))
            w = Re2_1a().Replace(w, "$1$2", 1);

        // Step 1b
        Match fp;
        if ((fp = Re1b().Match(w)).Success)
        {
            if (ReMgr0().IsMatch(fp.Groups[1].Value))
                w = Re1b_2().Replace(w, "", 1);
        }
        else if ((fp = Re2_1b().Match(w)).Success)
        {
            string stem = fp.Groups[1].Value;
            if (ReSV().IsMatch(stem))
            {
                w = stem;
                if (Re2_1b_2().IsMatch(w))
                    w += "e";
                else if (Re3_1b_2().IsMatch(w))
                    w = Re1b_2().Replace(w, "", 1);
                else if (Re4_1b_2().IsMatch(w))
                    w += "e";
            }
        }

        // Step 1c: suffix y becomes i after a consonant that is not the first letter
        if ((fp = Re1c().Match(w)).Success)
            w = fp.Groups[1].Value + "i";

        // Step 2
        if ((fp = Re2().Match(w)).Success)
        {
            string stem = fp.Groups[1].Value;
            if (ReMgr0().IsMatch(stem))
                w = stem + Step2List[fp.Groups[2].Value];
        }

        // Step 3
        if ((fp = Re3().Match(w)).Success)
        {
            string stem = fp.Groups[1].Value;
            if (ReMgr0().IsMatch(stem))
                w = stem + Step3List[fp.Groups[2].Value];
        }

        // Step 4
        if ((fp = Re4().Match(w)).Success)
        {
            string stem = fp.Groups[1].Value;
            if (ReMgr1().IsMatch(stem))
                w = stem;
        }
        else if ((fp = Re2_4().Match(w)).Success)
        {
            string stem = fp.Groups[1].Value + fp.Groups[2].Value;
            if (ReMgr1().IsMatch(stem))
                w = stem;
        }

        // Step 5
        if ((fp = Re5().Match(w)).Success)
        {
            string stem = fp.Groups[1].Value;
            if (ReMgr1().IsMatch(stem) || (ReMeq1().IsMatch(stem) && !Re3_5().IsMatch(stem)))
                w = stem;
        }

        if (Re5_1().IsMatch(w) && ReMgr1().IsMatch(w))
            w = Re1b_2().Replace(w, "", 1);

        // and turn initial Y back to y
        if (firstch == 'y')
            w = "y" + w[1..];

        return w;
    }
}
