using Microsoft.Extensions.Options;
using Switchboard.Server.Hosting;

namespace Switchboard.Server.Admin.Sounds;

/// <summary>The normalised WAV files of the sounds, kept in <c>{DataDirectory}/sounds</c>.</summary>
public sealed class SoundFiles(IOptions<SwitchboardOptions> options)
{
    private string Folder => Path.Combine(Path.GetFullPath(options.Value.DataDirectory), "sounds");

    public static string FileNameOf(Guid soundId) => $"{soundId:D}.wav";

    /// <summary>Writes under a temporary name first, so a reader never sees half a file.</summary>
    public async Task WriteAsync(string fileName, byte[] wav, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var path = PathOf(fileName);
        var partial = path + ".partial";
        await File.WriteAllBytesAsync(partial, wav, cancellationToken);
        File.Move(partial, path, overwrite: true);
    }

    /// <summary>The file opened for reading, or null when it is missing.</summary>
    public Stream? OpenRead(string fileName)
    {
        var path = PathOf(fileName);
        return File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 16 * 1024, useAsync: true)
            : null;
    }

    public void Delete(string fileName) => File.Delete(PathOf(fileName));

    // The stored name is ours (an id), but it is still kept from escaping the folder.
    private string PathOf(string fileName) => Path.Combine(Folder, Path.GetFileName(fileName));
}
