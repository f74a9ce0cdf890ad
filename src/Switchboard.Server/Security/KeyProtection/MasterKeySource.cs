using Microsoft.Extensions.Options;
using Switchboard.Server.Hosting;

namespace Switchboard.Server.Security.KeyProtection;

/// <summary>
/// Where this node's master key comes from: <c>Switchboard:DataProtection:MasterKey</c>, else the key file. The key
/// file is made only by <see cref="CreateFile"/>, which the start-up check calls when nothing depends on an older key.
/// </summary>
public sealed class MasterKeySource(IOptions<KeyProtectionOptions> options, IOptions<SwitchboardOptions> switchboard)
{
    private readonly Lock _lock = new();
    private MasterKey? _key;

    public bool IsConfiguredInline => !string.IsNullOrWhiteSpace(options.Value.MasterKey);

    public string FilePath => string.IsNullOrWhiteSpace(options.Value.MasterKeyFile)
        ? Path.Combine(Path.GetFullPath(switchboard.Value.DataDirectory), KeyProtectionOptions.DefaultMasterKeyFileName)
        : Path.GetFullPath(options.Value.MasterKeyFile);

    /// <summary>Whether a master key is given at all (in configuration, or as an existing file).</summary>
    public bool Exists => IsConfiguredInline || File.Exists(FilePath);

    /// <summary>Where the key in use comes from, for messages; never the key.</summary>
    public string Origin => IsConfiguredInline ? $"{KeyProtectionOptions.Section}:MasterKey" : $"the file {FilePath}";

    /// <exception cref="InvalidOperationException">No master key is given, or it is not a key.</exception>
    public MasterKey Key
    {
        get
        {
            lock (_lock)
                return _key ??= Load();
        }
    }

    /// <summary>Writes a new random master key to <see cref="FilePath"/>, readable by this account only; never overwrites one.</summary>
    public MasterKey CreateFile()
    {
        lock (_lock)
        {
            var text = MasterKey.NewText();
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
                file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var writer = new StreamWriter(FilePath, file))
                writer.WriteLine(text);
            _key = Parse(text, FilePath);
            return _key;
        }
    }

    private MasterKey Load()
    {
        if (IsConfiguredInline)
            return Parse(options.Value.MasterKey, $"{KeyProtectionOptions.Section}:MasterKey");
        if (!File.Exists(FilePath))
        {
            throw new InvalidOperationException(
                $"No master key for the data-protection keys: {FilePath} does not exist and {KeyProtectionOptions.Section}:MasterKey is not set.");
        }
        return Parse(File.ReadAllText(FilePath), $"the file {FilePath}");
    }

    private static MasterKey Parse(string? text, string origin) =>
        MasterKey.TryParse(text, out var key)
            ? key
            : throw new InvalidOperationException($"The master key in {origin} is not base64 of {MasterKey.Length} bytes (e.g. `openssl rand -base64 32`).");
}
