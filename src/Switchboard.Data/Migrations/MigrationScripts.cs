using System.Globalization;
using System.Reflection;

namespace Switchboard.Data.Migrations;

/// <summary>Reads a provider's scripts, embedded as <c>Migrations/{provider}/0001_name.sql</c>.</summary>
internal static class MigrationScripts
{
    public static IReadOnlyList<MigrationScript> For(StorageProvider provider)
    {
        var assembly = typeof(MigrationScripts).Assembly;
        var folder = $"Migrations/{provider}/";
        var scripts = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(folder, StringComparison.Ordinal))
            .Select(name => Read(assembly, name))
            .OrderBy(script => script.Version)
            .ToList();

        // The version recorded in a database is a count of steps, so the steps must be exactly 1, 2, 3...
        for (var index = 0; index < scripts.Count; index++)
        {
            if (scripts[index].Version != index + 1)
            {
                throw new InvalidOperationException(
                    $"The {provider} migration scripts must be numbered 1, 2, 3... without gaps or repeats; " +
                    $"step {index + 1} is numbered {scripts[index].Version}.");
            }
        }

        return scripts;
    }

    private static MigrationScript Read(Assembly assembly, string resourceName)
    {
        var fileName = Path.GetFileNameWithoutExtension(resourceName);
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        var version = int.Parse(fileName.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture);
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The embedded script {resourceName} cannot be read.");
        using var reader = new StreamReader(stream);
        return new MigrationScript(version, fileName[(separator + 1)..], reader.ReadToEnd());
    }
}
