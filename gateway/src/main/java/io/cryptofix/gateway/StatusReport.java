package io.cryptofix.gateway;

import com.fasterxml.jackson.core.JsonGenerator;
import io.cryptofix.config.RiskConfig;
import io.cryptofix.config.RiskLimits;
import io.cryptofix.config.SelfTradePrevention;
import io.cryptofix.config.SymbolPattern;
import io.cryptofix.domain.InstrumentCatalog.Outage;
import io.cryptofix.order.RiskStatus;
import io.cryptofix.order.RiskStatus.ScopeState;
import io.cryptofix.order.RiskStatus.SessionUsage;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * {@code GET /status}: the trading states (the global one, and each venue and session not ACTIVE, with
 * its reason and since when), the venues (and venue accounts) that take no orders now and why, the
 * limits in force as configured, and each session's use of them. Decimals are written as strings, as
 * they are configured: no binary floating point in between.
 */
final class StatusReport
{
    private StatusReport()
    {
    }

    /**
     * @param outages  by venue id or {@code VENUE/ACCOUNT}: why each takes no orders now. The reason is the
     *                 failure as the gateway met it (it may name a file, a variable or a URL): the admin
     *                 API is for operators, FIX clients are only told the venue is not available.
     */
    static String json(
        final RiskStatus status, final Map<String, Outage> outages, final RiskConfig risk, final long nowMillis)
    {
        return AdminJson.object(json ->
        {
            json.writeStringField("time", Instant.ofEpochMilli(nowMillis).toString());
            json.writeObjectFieldStart("states");
            json.writeFieldName("global");
            state(json, status.global());
            states(json, "venues", status.venues());
            states(json, "sessions", status.sessions());
            json.writeEndObject();
            json.writeObjectFieldStart("unavailableVenues");
            for (final Map.Entry<String, Outage> outage : outages.entrySet())
            {
                json.writeObjectFieldStart(outage.getKey());
                json.writeStringField("state", outage.getValue().kind().name());
                json.writeStringField("reason", outage.getValue().detail());
                json.writeEndObject();
            }
            json.writeEndObject();
            limits(json, risk);
            json.writeObjectFieldStart("usage");
            for (final Map.Entry<String, SessionUsage> session : status.usage().entrySet())
            {
                json.writeFieldName(session.getKey());
                usage(json, session.getValue());
            }
            json.writeEndObject();
        });
    }

    private static void states(final JsonGenerator json, final String field, final Map<String, ScopeState> states)
        throws IOException
    {
        json.writeObjectFieldStart(field);
        for (final Map.Entry<String, ScopeState> scope : states.entrySet())
        {
            json.writeFieldName(scope.getKey());
            state(json, scope.getValue());
        }
        json.writeEndObject();
    }

    private static void state(final JsonGenerator json, final ScopeState state) throws IOException
    {
        json.writeStartObject();
        json.writeStringField("state", state.state().name());
        json.writeStringField("reason", state.reason());
        json.writeStringField("since", state.sinceMillis() == 0 ? null : Instant.ofEpochMilli(state.sinceMillis()).toString());
        json.writeEndObject();
    }

    private static void limits(final JsonGenerator json, final RiskConfig risk) throws IOException
    {
        json.writeObjectFieldStart("limits");
        json.writeFieldName("default");
        limits(json, risk.defaults());
        levels(json, "sessions", risk.sessions());
        levels(json, "venues", risk.venues());
        levels(json, "symbols", risk.symbols());
        json.writeEndObject();
    }

    private static void levels(final JsonGenerator json, final String field, final Map<String, RiskLimits> levels)
        throws IOException
    {
        json.writeObjectFieldStart(field);
        for (final Map.Entry<String, RiskLimits> level : levels.entrySet())
        {
            json.writeFieldName(level.getKey());
            limits(json, level.getValue());
        }
        json.writeEndObject();
    }

    /**
     * Every limit a level sets, named as {@link RiskLimits} names it (as the configuration does, but
     * for {@code positionLimits} and {@code entitlements}). Read from the record's components, so that
     * a limit added there shows here without a change; one the level leaves to the levels below (null,
     * or nothing in it) is left out.
     */
    private static void limits(final JsonGenerator json, final RiskLimits limits) throws IOException
    {
        record(json, limits);
    }

    private static void record(final JsonGenerator json, final Record record) throws IOException
    {
        json.writeStartObject();
        for (final RecordComponent component : record.getClass().getRecordComponents())
        {
            final Object value;
            try
            {
                value = component.getAccessor().invoke(record);
            }
            catch (final IllegalAccessException | InvocationTargetException e)
            {
                throw new IllegalStateException("cannot read " + component.getName(), e);
            }
            if (isSet(value))
            {
                json.writeFieldName(component.getName());
                value(json, value);
            }
        }
        json.writeEndObject();
    }

    private static boolean isSet(final Object value)
    {
        if (value instanceof Map<?, ?> map)
        {
            return !map.isEmpty();
        }
        if (value instanceof Record record)
        {
            for (final RecordComponent component : record.getClass().getRecordComponents())
            {
                try
                {
                    if (isSet(component.getAccessor().invoke(record)))
                    {
                        return true;
                    }
                }
                catch (final IllegalAccessException | InvocationTargetException e)
                {
                    return true;
                }
            }
            return false;
        }
        return value != null;
    }

    private static void value(final JsonGenerator json, final Object value) throws IOException
    {
        if (value instanceof BigDecimal decimal)
        {
            json.writeString(decimal.toPlainString());
        }
        else if (value instanceof Integer || value instanceof Long)
        {
            json.writeNumber(((Number)value).longValue());
        }
        else if (value instanceof Boolean bool)
        {
            json.writeBoolean(bool);
        }
        else if (value instanceof Duration duration)
        {
            json.writeString(duration.toMillis() + "ms");
        }
        else if (value instanceof SelfTradePrevention prevention)
        {
            json.writeString(prevention.configName());
        }
        else if (value instanceof SymbolPattern pattern)
        {
            json.writeString(pattern.text());
        }
        else if (value instanceof Map<?, ?> map)
        {
            json.writeStartObject();
            for (final Map.Entry<?, ?> entry : map.entrySet())
            {
                json.writeFieldName(String.valueOf(entry.getKey()));
                value(json, entry.getValue());
            }
            json.writeEndObject();
        }
        else if (value instanceof Collection<?> values)
        {
            json.writeStartArray();
            for (final Object each : values)
            {
                value(json, each);
            }
            json.writeEndArray();
        }
        else if (value instanceof Record record)
        {
            record(json, record);
        }
        else
        {
            json.writeString(String.valueOf(value));
        }
    }

    private static void usage(final JsonGenerator json, final SessionUsage usage) throws IOException
    {
        json.writeStartObject();
        json.writeNumberField("openOrders", usage.openOrders());
        json.writeStringField("openNotional", plain(usage.openNotional()));
        json.writeStringField("dailyNotional", plain(usage.dailyNotional()));
        json.writeObjectFieldStart("positions");
        for (final Map.Entry<String, BigDecimal> position : usage.positions().entrySet())
        {
            json.writeStringField(position.getKey(), plain(position.getValue()));
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static String plain(final BigDecimal value)
    {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
