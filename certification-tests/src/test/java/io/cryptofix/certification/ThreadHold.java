package io.cryptofix.certification;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.AttachingConnector;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.IllegalConnectorArgumentsException;

import java.io.IOException;
import java.util.Map;

/**
 * One thread of a gateway process held still through the process's debugger agent
 * ({@link GatewayProcess#withDebugAgent}), while the rest of the process goes on: the way to stand a
 * crash test in the moment between two of the gateway's threads. Closing lets the thread go; a
 * process killed meanwhile is simply left.
 */
final class ThreadHold implements AutoCloseable
{
    private final VirtualMachine process;

    private ThreadHold(final VirtualMachine process)
    {
        this.process = process;
    }

    /** Suspends the thread called {@code threadName} in the process whose debugger agent listens on the port. */
    static ThreadHold suspend(final int debugPort, final String threadName)
        throws IOException, IllegalConnectorArgumentsException
    {
        final AttachingConnector socket = Bootstrap.virtualMachineManager().attachingConnectors().stream()
            .filter(connector -> connector.name().equals("com.sun.jdi.SocketAttach")).findFirst()
            .orElseThrow(() -> new IllegalStateException("this JDK has no socket debugger connector"));
        final Map<String, Connector.Argument> arguments = socket.defaultArguments();
        arguments.get("hostname").setValue("127.0.0.1");
        arguments.get("port").setValue(String.valueOf(debugPort));
        final VirtualMachine process = socket.attach(arguments);
        final ThreadReference thread = process.allThreads().stream()
            .filter(candidate -> candidate.name().equals(threadName)).findFirst()
            .orElseThrow(() -> new IllegalStateException("the gateway has no thread called " + threadName));
        thread.suspend();
        return new ThreadHold(process);
    }

    @Override
    public void close()
    {
        try
        {
            // resumes what was suspended and detaches
            process.dispose();
        }
        catch (final VMDisconnectedException gone)
        {
            // the process was killed while held
        }
    }
}
