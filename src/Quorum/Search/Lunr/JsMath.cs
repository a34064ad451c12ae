namespace Quorum.Search.Lunr;

/// <summary>
/// The two JavaScript Math functions lunr's scores depend on, bit for bit. V8's Math.log is fdlibm's
/// __ieee754_log (ported below), which can differ from the C library's log in the last bit; after
/// rounding to 3 decimals that would only rarely show, but rarely is not never.
/// </summary>
internal static class JsMath
{
    /// <summary>JS Math.round: nearest integer, halves toward +∞ (V8: ceil, minus one if that overshot by more than ½).</summary>
    public static double Round(double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x))
            return x;
        double up = Math.Ceiling(x);
        return up - 0.5 <= x ? up : up - 1;
    }

    private static readonly double Ln2Hi = BitConverter.Int64BitsToDouble(0x3fe62e42fee00000);
    private static readonly double Ln2Lo = BitConverter.Int64BitsToDouble(0x3dea39ef35793c76);
    private static readonly double Two54 = BitConverter.Int64BitsToDouble(0x4350000000000000);
    private static readonly double Lg1 = BitConverter.Int64BitsToDouble(0x3FE5555555555593);
    private static readonly double Lg2 = BitConverter.Int64BitsToDouble(0x3FD999999997FA04);
    private static readonly double Lg3 = BitConverter.Int64BitsToDouble(0x3FD2492494229359);
    private static readonly double Lg4 = BitConverter.Int64BitsToDouble(0x3FCC71C51D8E78AF);
    private static readonly double Lg5 = BitConverter.Int64BitsToDouble(0x3FC7466496CB03DE);
    private static readonly double Lg6 = BitConverter.Int64BitsToDouble(0x3FC39A09D078C69F);
    private static readonly double Lg7 = BitConverter.Int64BitsToDouble(0x3FC2F112DF3E5244);

    /// <summary>JS Math.log (fdlibm e_log.c, as in V8's base/ieee754.cc).</summary>
    public static double Log(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int hx = (int)(bits >> 32);
        uint lx = (uint)bits;
        int k = 0;
        if (hx < 0x00100000)
        {
            // x < 2**-1022
            if (((hx & 0x7fffffff) | (int)lx) == 0)
                return double.NegativeInfinity;
            if (hx < 0)
                return double.NaN;
            k -= 54;
            x *= Two54; // subnormal: scale up
            hx = (int)(BitConverter.DoubleToInt64Bits(x) >> 32);
        }
        if (hx >= 0x7ff00000)
            return x + x;
        k += (hx >> 20) - 1023;
        hx &= 0x000fffff;
        int i = (hx + 0x95f64) & 0x100000;
        // normalize x or x/2
        x = BitConverter.Int64BitsToDouble(((long)(hx | (i ^ 0x3ff00000)) << 32) | (BitConverter.DoubleToInt64Bits(x) & 0xffffffffL));
        k += i >> 20;
        double f = x - 1.0;
        double dk;
        if ((0x000fffff & (2 + hx)) < 3)
        {
            // -2**-20 <= f < 2**-20
            if (f == 0)
            {
                if (k == 0)
                    return 0;
                dk = k;
                return dk * Ln2Hi + dk * Ln2Lo;
            }
            double r = f * f * (0.5 - 0.33333333333333333 * f);
            if (k == 0)
                return f - r;
            dk = k;
            return dk * Ln2Hi - ((r - dk * Ln2Lo) - f);
        }
        double s = f / (2.0 + f);
        dk = k;
        double z = s * s;
        i = hx - 0x6147a;
        double w = z * z;
        int j = 0x6b851 - hx;
        double t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
        double t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
        i |= j;
        double R = t2 + t1;
        if (i > 0)
        {
            double hfsq = 0.5 * f * f;
            if (k == 0)
                return f - (hfsq - s * (hfsq + R));
            return dk * Ln2Hi - ((hfsq - (s * (hfsq + R) + dk * Ln2Lo)) - f);
        }
        if (k == 0)
            return f - s * (f - R);
        return dk * Ln2Hi - ((s * (f - R) - dk * Ln2Lo) - f);
    }
}
