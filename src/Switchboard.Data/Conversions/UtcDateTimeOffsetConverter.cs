using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Switchboard.Data.Conversions;

/// <summary>
/// Stores every instant in UTC: PostgreSQL's timestamptz accepts only offset zero from Npgsql, and SQLite's text
/// form then sorts in time order.
/// </summary>
internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value);
