package io.cryptofix.order;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read from the compiled classes: an order changes only where an event is applied through its tables.
 * A method elsewhere that sets an order's state, or anything else it holds, makes this test fail.
 */
class OneWriterTest
{
    private static final JavaClasses CLASSES = new ClassFileImporter().importPackagesOf(Order.class);
    private static final Set<String> STATE_FIELDS = Set.of("state", "pending", "leg");
    // apply checks the tables and start sets the initial states of a creation event; copy and asTold
    // make detached copies for telling a client again what it was told, never changed afterwards
    private static final Set<String> STATE_WRITERS = Set.of("apply", "start", "copy", "asTold");

    @Test
    void onlyApplyingAnEventChangesAnOrdersStates()
    {
        final List<String> writes = writes(STATE_FIELDS::contains);

        assertThat(writes).as("every write of an order's states").isNotEmpty().allSatisfy(write ->
            assertThat(STATE_WRITERS).anyMatch(writer -> write.startsWith("OrderTransitions." + writer + " ")));
    }

    @Test
    void nothingButTheTransitionsChangesWhatAnOrderHoldsAfterItCameToBe()
    {
        final List<String> writes = writes(name -> !name.equals("followUp"));

        // the constructors set what an order is from its creation event
        assertThat(writes).as("every write of an order's fields").isNotEmpty().allSatisfy(write ->
            assertThat(write).matches("(OrderTransitions\\.\\w+|Order\\.<init>) sets \\w+"));
    }

    @Test
    void theOrdersStatesAreNotPublic()
    {
        for (final JavaField field : CLASSES.get(Order.class).getFields())
        {
            if (STATE_FIELDS.contains(field.getName()))
            {
                assertThat(field.getModifiers()).as(field.getName()).doesNotContain(JavaModifier.PUBLIC)
                    .doesNotContain(JavaModifier.PROTECTED);
            }
        }
    }

    private static List<String> writes(final java.util.function.Predicate<String> fieldName)
    {
        final List<String> writes = new ArrayList<>();
        for (final JavaField field : CLASSES.get(Order.class).getFields())
        {
            if (field.getModifiers().contains(JavaModifier.STATIC) || !fieldName.test(field.getName()))
            {
                continue;
            }
            for (final JavaFieldAccess access : field.getAccessesToSelf())
            {
                if (access.getAccessType() == JavaFieldAccess.AccessType.SET)
                {
                    writes.add(access.getOrigin().getOwner().getSimpleName() + "." + access.getOrigin().getName() +
                        " sets " + field.getName());
                }
            }
        }
        return writes;
    }
}
