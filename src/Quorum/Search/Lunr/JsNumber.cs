using System.Globalization;

namespace Quorum.Search.Lunr;

/// <summary>
/// JavaScript's Number-to-string (what JSON.stringify writes): shortest round-trip digits like .NET's
/// "R", but laid out by ECMAScript's rules: plain notation from 1e-7 up to 1e21, "1e+21"/"1.5e-7" beyond,
/// no trailing ".0", "-0" as "0"; JSON writes NaN and ±Infinity as null.
/// </summary>
internal static class JsNumber
{
    public static string ToJson(double value) =>
        double.IsFinite(value) ? ToJsString(value) : "null";

    public static string ToJsString(double value)
    {
        if (double.IsNaN(value))
            return "NaN";
        if (double.IsInfinity(value))
            return value > 0 ? "Infinity" : "-Infinity";
        if (value == 0)
            return "0";
        if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        Span<byte> ascii = stackalloc byte[20];
        if (TryWriteThousandths(value, ascii, out int length))
            return System.Text.Encoding.ASCII.GetString(ascii[..length]);

        // "R" gives the shortest round-trip digits, either plain ("0.123") or "1.5E-07"; take digits and exponent from it.
        string r = value.ToString("R", CultureInfo.InvariantCulture);
        bool negative = r[0] == '-';
        if (negative)
            r = r[1..];
        int exponent = 0;
        int e = r.IndexOf('E');
        if (e >= 0)
        {
            exponent = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }
        int dot = r.IndexOf('.');
        string digits = dot >= 0 ? r.Remove(dot, 1) : r;
        int pointPos = (dot >= 0 ? dot : r.Length) + exponent; // value = 0.digits × 10^pointPos
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0')
        {
            lead++;
            pointPos--;
        }
        digits = digits[lead..].TrimEnd('0');
        if (digits.Length == 0)
            digits = "0";

        // ECMAScript Number::toString: k digits, n = pointPos.
        int k = digits.Length, n = pointPos;
        string body;
        if (k <= n && n <= 21)
            body = digits + new string('0', n - k);
        else if (0 < n && n <= 21)
            body = digits[..n] + "." + digits[n..];
        else if (-6 < n && n <= 0)
            body = "0." + new string('0', -n) + digits;
        else
        {
            int exp = n - 1;
            string sign = exp < 0 ? "-" : "+";
            string mantissa = k == 1 ? digits : digits[..1] + "." + digits[1..];
            body = mantissa + "e" + sign + Math.Abs(exp).ToString(CultureInfo.InvariantCulture);
        }
        return negative ? "-" + body : body;
    }

    /// <summary>
    /// Fast path for lunr's scores, which are all m/1000: below 1e12 no other decimal of 3 places or
    /// fewer is within half an ulp of m/1000, so JS's shortest form is exactly m/1000 without trailing
    /// zeros. Writes ASCII bytes; false (nothing written) for other values.
    /// </summary>
    public static bool TryWriteThousandths(double value, Span<byte> destination, out int written)
    {
        written = 0;
        if (!(Math.Abs(value) < 1e12) || destination.Length < 20)
            return false;
        double m = Math.Round(value * 1000);
        if (m / 1000 != value)
            return false;
        long units = (long)Math.Abs(m);
        int p = 0;
        if (value < 0)
            destination[p++] = (byte)'-';
        (units / 1000).TryFormat(destination[p..], out int wholeLength, default, CultureInfo.InvariantCulture);
        p += wholeLength;
        int fraction = (int)(units % 1000);
        if (fraction != 0)
        {
            destination[p++] = (byte)'.';
            destination[p++] = (byte)('0' + fraction / 100);
            if (fraction % 100 != 0)
            {
                destination[p++] = (byte)('0' + fraction / 10 % 10);
                if (fraction % 10 != 0)
                    destination[p++] = (byte)('0' + fraction % 10);
            }
        }
        written = p;
        return true;
    }
}
