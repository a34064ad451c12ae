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
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, SearchJson.Options)) write(json);
        buffer.Write("\n"u8);
        Write(path, buffer.WrittenSpan);
    }

    void Write(string path, ReadOnlySpan<byte> bytes)
    {
        output.Write(path, bytes);
        Interlocked.Add(ref _bytes, bytes.Length);
        Interlocked.Increment(ref _files);
    }
}
