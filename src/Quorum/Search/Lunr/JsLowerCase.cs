using System.Globalization;
using System.Text;

namespace Quorum.Search.Lunr;

/// <summary>
/// JavaScript's <c>String.prototype.toLowerCase</c> as V8/ICU does it. .NET's invariant lower-casing
/// is a per-character simple mapping: it leaves 'İ' alone (JS gives "i\u0307"), has no final-sigma
/// rule, and its Unicode tables lag Node's by a version; those differences are patched here.
/// </summary>
internal static class JsLowerCase
{
    public static string ToLower(string s)
    {
        int i = 0;
        while (i < s.Length && s[i] < 0x80 && !char.IsAsciiLetterUpper(s[i]))
            i++;
        if (i == s.Length)
            return s;
        if (Ascii.IsValid(s.AsSpan(i)))
            return s.ToLowerInvariant();
        char[] buffer = [];
        return new string(ToLower(s, ref buffer));
    }

    /// <summary>
    /// <see cref="ToLower(string)"/> into <paramref name="buffer"/> (grown when too small, so a caller that lower-cases
    /// many texts reuses one): runs of ASCII are lower-cased vectorised, other characters one at a time.
    /// </summary>
    public static ReadOnlySpan<char> ToLower(ReadOnlySpan<char> s, ref char[] buffer)
    {
        // Lower-casing never lengthens a character by more than one unit ('İ' gives "i\u0307").
        if (buffer.Length < 2 * s.Length)
            buffer = new char[Math.Max(2 * s.Length, 2 * buffer.Length)];
        Span<char> dest = buffer;
        int o = 0;
        for (int i = 0; i < s.Length; i++)
        {
            int ascii = s[i..].IndexOfAnyExceptInRange('\0', '\u007F');
            if (ascii != 0)
            {
                int run = ascii < 0 ? s.Length - i : ascii;
                Ascii.ToLower(s.Slice(i, run), dest[o..], out int written);
                o += written;
                i += run;
                if (i == s.Length)
                    break;
            }
            char c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                var lower = new Rune(LowerSupplementary(char.ConvertToUtf32(c, s[i + 1])));
                o += lower.EncodeToUtf16(dest[o..]);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                dest[o++] = c; // lone surrogates pass through unchanged, as in JS
            }
            else if (c == '\u0130')
            {
                dest[o++] = 'i'; // SpecialCasing: LATIN CAPITAL LETTER I WITH DOT ABOVE
                dest[o++] = '\u0307';
            }
            else if (c == '\u03A3')
            {
                dest[o++] = IsFinalSigma(s, i) ? '\u03C2' : '\u03C3';
            }
            else
            {
                dest[o++] = c switch
                {
                    // Unicode 17 additions (Node 20's ICU) that .NET's tables do not have yet.
                    '\uA7CE' => '\uA7CF',
                    '\uA7D2' => '\uA7D3',
                    '\uA7D4' => '\uA7D5',
                    _ => char.ToLowerInvariant(c),
                };
            }
        }
        return buffer.AsSpan(0, o);
    }

    private static int LowerSupplementary(int cp)
    {
        if (cp >= 0x16EA0 && cp <= 0x16EB8)
            return cp + 0x1B; // Beria Erfe (Unicode 17)
        return Rune.ToLowerInvariant(new Rune(cp)).Value;
    }

    // Unicode Final_Sigma: preceded by a cased letter (skipping case-ignorables), and not followed by one.
    private static bool IsFinalSigma(ReadOnlySpan<char> s, int at)
    {
        bool casedBefore = false;
        for (int j = at - 1; j >= 0; j--)
        {
            int cp = s[j];
            if (char.IsLowSurrogate(s[j]) && j > 0 && char.IsHighSurrogate(s[j - 1]))
            {
                cp = char.ConvertToUtf32(s[j - 1], s[j]);
                j--;
            }
            if (IsCaseIgnorable(cp))
                continue;
            casedBefore = IsCased(cp);
            break;
        }
        if (!casedBefore)
            return false;
        for (int j = at + 1; j < s.Length; j++)
        {
            int cp = s[j];
            if (char.IsHighSurrogate(s[j]) && j + 1 < s.Length && char.IsLowSurrogate(s[j + 1]))
            {
                cp = char.ConvertToUtf32(s[j], s[j + 1]);
                j++;
            }
            if (IsCaseIgnorable(cp))
                continue;
            return !IsCased(cp);
        }
        return true;
    }

    private static bool IsCaseIgnorable(int cp)
    {
        if (char.IsSurrogate((char)cp) && cp <= 0xFFFF)
            return false;
        switch (CharUnicodeInfo.GetUnicodeCategory(cp))
        {
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.EnclosingMark:
            case UnicodeCategory.Format:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.ModifierSymbol:
                return true;
        }
        // Word_Break MidLetter, MidNumLet and Single_Quote; then marks new in Unicode 17.
        return cp is 0x27 or 0x2E or 0x3A or 0xB7 or 0x387 or 0x55F or 0x5F4 or 0x2018 or 0x2019
            or 0x2024 or 0x2027 or 0xFE13 or 0xFE52 or 0xFE55 or 0xFF07 or 0xFF0E or 0xFF1A
            or (>= 0x1ACF and <= 0x1ADD) or (>= 0x1AE0 and <= 0x1AEB) or 0xA7F1 or 0x10EC5 or 0x10EFA or 0x10EFB or 0x11B60 or (>= 0x11B62 and <= 0x11B64) or 0x11B66
            or 0x11DD9 or 0x16FF2 or 0x16FF3 or 0x1E6E3 or 0x1E6E6 or 0x1E6EE or 0x1E6EF or 0x1E6F5 or 0x1E6FF;
    }

    private static bool IsCased(int cp)
    {
        if ((char.IsSurrogate((char)cp) && cp <= 0xFFFF) || cp == 0x295) // U+0295 became Lo in Unicode 17
            return false;
        switch (CharUnicodeInfo.GetUnicodeCategory(cp))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
                return true;
        }
        // Other_Lowercase / Other_Uppercase characters that are not also case-ignorable.
        return cp is 0xAA or 0xBA
            or (>= 0x2160 and <= 0x217F) or (>= 0x24B6 and <= 0x24E9)
            or (>= 0x1F130 and <= 0x1F149) or (>= 0x1F150 and <= 0x1F169) or (>= 0x1F170 and <= 0x1F189)
            // Letters new in Unicode 17.
            or 0xA7CE or 0xA7CF or (>= 0xA7D2 and <= 0xA7D5) or (>= 0x16EA0 and <= 0x16EB8) or (>= 0x16EBB and <= 0x16ED3);
    }
}
