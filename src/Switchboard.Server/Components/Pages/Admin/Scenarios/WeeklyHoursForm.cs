using System.Globalization;
using Switchboard.Domain.Routing;

namespace Switchboard.Server.Components.Pages.Admin.Scenarios;

/// <summary>One row of opening hours in the editor: a checkbox per day and a local time range.</summary>
public sealed class WeeklyHoursForm
{
    public bool Monday { get; set; }

    public bool Tuesday { get; set; }

    public bool Wednesday { get; set; }

    public bool Thursday { get; set; }

    public bool Friday { get; set; }

    public bool Saturday { get; set; }

    public bool Sunday { get; set; }

    public string? From { get; set; } = "09:00";

    public string? To { get; set; } = "17:00";

    public static WeeklyHoursForm WorkingWeek() =>
        new() { Monday = true, Tuesday = true, Wednesday = true, Thursday = true, Friday = true };

    public static WeeklyHoursForm Of(WeeklyHours hours) => new()
    {
        Monday = hours.Days.Contains(DayOfWeek.Monday),
        Tuesday = hours.Days.Contains(DayOfWeek.Tuesday),
        Wednesday = hours.Days.Contains(DayOfWeek.Wednesday),
        Thursday = hours.Days.Contains(DayOfWeek.Thursday),
        Friday = hours.Days.Contains(DayOfWeek.Friday),
        Saturday = hours.Days.Contains(DayOfWeek.Saturday),
        Sunday = hours.Days.Contains(DayOfWeek.Sunday),
        From = hours.From.ToString("HH:mm", CultureInfo.InvariantCulture),
        To = hours.To.ToString("HH:mm", CultureInfo.InvariantCulture),
    };

    public WeeklyHours ToHours()
    {
        (bool Ticked, DayOfWeek Day)[] days =
        [
            (Monday, DayOfWeek.Monday), (Tuesday, DayOfWeek.Tuesday), (Wednesday, DayOfWeek.Wednesday),
            (Thursday, DayOfWeek.Thursday), (Friday, DayOfWeek.Friday), (Saturday, DayOfWeek.Saturday), (Sunday, DayOfWeek.Sunday),
        ];
        return new WeeklyHours([.. days.Where(d => d.Ticked).Select(d => d.Day)], ParseTime(From), ParseTime(To));
    }

    // An emptied time reads as midnight, which validation then reports as an empty range.
    private static TimeOnly ParseTime(string? posted) =>
        TimeOnly.TryParse(posted, CultureInfo.InvariantCulture, out var time) ? time : TimeOnly.MinValue;
}
