package ttlab.kernel.engine;

import jdk.jshell.spi.ExecutionControlProvider;

import java.util.concurrent.Callable;

/** Snippets run in this JVM, on the engine's cell thread ({@link InProcessExecutionControl}). */
final class LocalSnippetExecution implements SnippetExecution {

    private final InProcessExecutionProvider provider = new InProcessExecutionProvider();

    @Override
    public ExecutionControlProvider provider() {
        return provider;
    }

    @Override
    public Object takeLastValue() {
        return provider.control().takeLastValue();
    }

    @Override
    public String lastInvokedClass() {
        return provider.control().lastInvokedClass();
    }

    @Override
    public void releaseStaticState(String className) {
        provider.control().releaseStaticState(className);
    }

    @Override
    public void stop(ExecutionStopped.Reason reason) {
        provider.control().stop(reason);
    }

    @Override
    public ExecutionStopped.Reason stopRequested() {
        return StopSignal.requested();
    }

    @Override
    public String endedBecause() {
        return null; // this JVM
    }

    @Override
    public String askAgent(String command, String argument) {
        throw new UnsupportedOperationException("snippets run in this JVM: there is no agent to ask");
    }

    @Override
    public void clearStop() {
        StopSignal.clear();
    }

    @Override
    public <T> T runAsClient(Callable<T> work) throws Exception {
        return provider.control().runAsClient(work);
    }

    @Override
    public ClassLoader snippetLoader() {
        return provider.control().snippetLoader();
    }
}
