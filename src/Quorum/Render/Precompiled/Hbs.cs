using System.Buffers;
using System.Collections;

namespace Quorum.Render.Precompiled;

/// <summary>
/// What a precompiled template does where Handlebars.Net would decide at run time, decided the same way: how a value
/// is written (escaped with Handlebars' seven characters), what <c>{{#if}}</c>, <c>{{#with}}</c> and <c>{{#each}}</c>
/// count as empty, and the error for a path through nothing. The C# compiler picks each call's overload from the
/// value's type; the <c>object</c> ones are Handlebars.Net's rules whole.
/// </summary>
public static class Hbs
{
    static readonly SearchValues<char> Escaped = SearchValues.Create("&<>\"'`=");

    /// <summary>A value written as <c>{{value}}</c> writes it: HTML-escaped as Handlebars.Net's <c>HtmlEncoder</c> does.</summary>
    public static void Write(TextWriter w, string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        var rest = text.AsSpan();
        for (int i; (i = rest.IndexOfAny(Escaped)) >= 0; rest = rest[(i + 1)..])
        {
            w.Write(rest[..i]);
            w.Write(rest[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#x27;",
                '`' => "&#x60;",
                _ => "&#x3D;",
            });
        }
        w.Write(rest);
    }

    public static void Write(TextWriter w, int value) => w.Write(value); // digits and a minus sign: nothing to escape

    public static void Write(TextWriter w, bool value) => w.Write(value ? "True" : "False");

    public static void Write(TextWriter w, object? value)
    {
        switch (value)
        {
            case null: return;
            case string s: Write(w, s); return;
            case int i: Write(w, i); return;
            case bool b: Write(w, b); return;
            default: Write(w, value.ToString()); return;
        }
    }

    /// <summary>A value written as <c>{{{value}}}</c>: as it is.</summary>
    public static void Raw(TextWriter w, string? html) => w.Write(html);

    public static bool Truthy(string? s) => !string.IsNullOrEmpty(s);
    public static bool Truthy(bool b) => b;
    public static bool Truthy(int n) => n != 0;
    public static bool Truthy<T>(T? value) where T : struct => value.HasValue && Truthy((object)value.Value);
    public static bool Truthy<T>(IReadOnlyCollection<T>? list) => list is { Count: > 0 };

    /// <summary>Handlebars.Net's rule: null, false, "", a zero number and an empty list are false; all else is true.</summary>
    public static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length != 0,
        sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal =>
            Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) != 0,
        IEnumerable e => Any(e),
        _ => true,
    };

    static bool Any(IEnumerable e)
    {
        var items = e.GetEnumerator();
        try { return items.MoveNext(); }
        finally { (items as IDisposable)?.Dispose(); }
    }

    /// <summary>A path through a value that is not there (<c>{{A.B}}</c> with no A): Handlebars.Net's error, word for word.</summary>
    public static Exception Undefined(string member) => new UndefinedBindingException(member + " is undefined");
}

/// <summary>A template's path that reached nothing; reported with the template's file, as Handlebars.Net's own error is.</summary>
public sealed class UndefinedBindingException(string message) : Exception(message);
