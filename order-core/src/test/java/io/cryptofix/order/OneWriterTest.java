package io.cryptofix.order;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read from the compiled classes: an order's states change only where an event is applied through
 * their tables. A new method that sets one directly makes this test fail.
 */
class OneWriterTest
{
    private static final Set<String> STATE_FIELDS = Set.of("state", "pending", "leg");
    // apply checks the tables and start sets the initial states of a creation event; copy and asTold
    // make detached copies for telling a client again what it was told, never changed afterwards
    private static final Set<String> WRITERS = Set.of("apply", "start", "copy", "asTold");

    @Test
    void onlyApplyingAnEventChangesAnOrdersStates()
    {
        final JavaClasses classes = new ClassFileImporter().importPackagesOf(Order.class);
        final List<String> writes = new ArrayList<>();
        for (final JavaField field : classes.get(Order.class).getFields())
        {
            if (!STATE_FIELDS.contains(field.getName()))
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
        assertThat(writes).as("every write of an order's state").isNotEmpty()
            .allSatisfy(write -> assertThat(WRITERS).anyMatch(writer -> write.startsWith("Order." + writer + " ")));
    }

    @Test
    void theOrdersStatesArePrivateToIt()
    {
        final JavaClasses classes = new ClassFileImporter().importPackagesOf(Order.class);
        for (final JavaField field : classes.get(Order.class).getFields())
        {
            if (STATE_FIELDS.contains(field.getName()))
            {
                assertThat(field.getModifiers()).as(field.getName())
                    .contains(com.tngtech.archunit.core.domain.JavaModifier.PRIVATE);
                assertThat(field.getAccessesToSelf()).extracting(JavaAccess::getOriginOwner)
                    .extracting(owner -> owner.getSimpleName()).containsOnly("Order");
            }
        }
    }
}
