package io.cryptofix.gateway;

import com.fasterxml.jackson.core.JsonGenerator;
import io.cryptofix.config.RiskConfig;
import io.cryptofix.config.RiskLimits;
import io.cryptofix.order.RiskStatus;
import io.cryptofix.order.RiskStatus.ScopeState;
import io.cryptofix.order.RiskStatus.SessionUsage;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * {@code GET /status}: the trading states (the global one, and each venue and session not ACTIVE, with
 * its reason and since when), the limits in force as configured, and each session's use of them.
 * Decimals are written as strings, as they are configured: no binary floating point in between.
 */
final class StatusReport
{
    private StatusReport()
    {
    }

    static String json(final RiskStatus status, final RiskConfig risk, final long nowMillis)
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
     * Every limit a level sets, by its name in the configuration. Read from the record's components,
     * so that a limit added to {@link RiskLimits} shows here without a change.
     */
    private static void limits(final JsonGenerator json, final RiskLimits limits) throws IOException
    {
        json.writeStartObject();
        for (final RecordComponent limit : RiskLimits.class.getRecordComponents())
        {
            final Object value;
            try
            {
                value = limit.getAccessor().invoke(limits);
            }
            catch (final IllegalAccessException | InvocationTargetException e)
            {
                throw new IllegalStateException("cannot read limit " + limit.getName(), e);
            }
            if (value instanceof BigDecimal decimal)
            {
                json.writeStringField(limit.getName(), decimal.toPlainString());
            }
            else if (value instanceof Number number)
            {
                json.writeNumberField(limit.getName(), number.longValue());
            }
            else if (value != null)
            {
                json.writeStringField(limit.getName(), value.toString());
            }
        }
        json.writeEndObject();
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
