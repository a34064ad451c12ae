using System.Buffers;
using System.Text;
using System.Text.Json;
using Quorum.Render;

namespace Quorum.Search.Shards;

/// <summary>Writes the shard files to the site, one whole small file at a time, counting files and bytes.</summary>
internal sealed class ShardOutput(ISiteOutput output)
{
    long _bytes;
    int _files;
    public long Bytes => Interlocked.Read(ref _bytes);
    public int Files => _files;

    /// <summary>A JSON array of values already written as JSON (<c>[a,b]</c> and a line end), encoded straight into the buffer.</summary>
    public void Array(string path, ReadOnlySpan<string> values)
    {
        var scratch = Take();
        var buffer = scratch.Buffer;
        buffer.Write("["u8);
        for (int i = 0; i < values.Length; i++)
        {
            if (i > 0) buffer.Write(","u8);
            buffer.Advance(Encoding.UTF8.GetBytes(values[i], buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(values[i].Length))));
        }
        buffer.Write("]\n"u8);
        Write(path, buffer.WrittenSpan);
        Return(scratch);
    }

    public void Json(string path, Action<Utf8JsonWriter> write)
    {
        var scratch = Take();
        scratch.Json.Reset(scratch.Buffer);
        write(scratch.Json);
        scratch.Json.Flush();
        scratch.Buffer.Write("\n"u8);
        Write(path, scratch.Buffer.WrittenSpan);
        Return(scratch);
    }

    // Each thread reuses one buffer and writer for its files (thousands of them at 1,000 meetings), rather than
    // growing a new buffer from nothing for each. Taken out while in use, so a nested call makes its own.
    static Scratch Take()
    {
        var scratch = t_scratch ?? new Scratch();
        t_scratch = null;
        scratch.Buffer.ResetWrittenCount();
        return scratch;
    }

    static void Return(Scratch scratch)
    {
        if (scratch.Buffer.Capacity <= MaxKeptBytes) t_scratch = scratch;
    }

    const int MaxKeptBytes = 4 << 20;

    sealed class Scratch
    {
        public readonly ArrayBufferWriter<byte> Buffer = new(1 << 16);
        public readonly Utf8JsonWriter Json;
        public Scratch() => Json = new Utf8JsonWriter(Buffer, SearchJson.Options);
    }

    [ThreadStatic] static Scratch? t_scratch;

    void Write(string path, ReadOnlySpan<byte> bytes)
    {
        output.Write(path, bytes);
        Interlocked.Add(ref _bytes, bytes.Length);
        Interlocked.Increment(ref _files);
    }
}
