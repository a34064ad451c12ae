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

    public void Raw(string path, string text) => Write(path, Encoding.UTF8.GetBytes(text));

    public void Json(string path, Action<Utf8JsonWriter> write)
    {
        // Each thread reuses one buffer and writer for its files (thousands of them at 1,000 meetings), rather than
        // growing a new buffer from nothing for each. Taken out while in use, so a nested call makes its own.
        var scratch = t_scratch ?? new Scratch();
        t_scratch = null;
        scratch.Buffer.ResetWrittenCount();
        scratch.Json.Reset(scratch.Buffer);
        write(scratch.Json);
        scratch.Json.Flush();
        scratch.Buffer.Write("\n"u8);
        Write(path, scratch.Buffer.WrittenSpan);
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
