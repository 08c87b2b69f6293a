package deltakv.cli;

import deltakv.runner.serve.Server;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dkv serve [--store store] [--port 8080] [--bind 127.0.0.1]} (CLI.md, docs/serve.md): until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "A web page of every stored run and nightly: valid? coloured, filters, each run's plots, timeline, "
                + "results, explanations, nemesis schedule and files, variants compared. Runs until Ctrl-C.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--store", defaultValue = "store", description = "Results store (default: ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on; 0.0.0.0 shows the store to the whole network (default: ${DEFAULT-VALUE}).")
    String bind;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            System.err.println("dkv serve: --port must be 0..65535, got " + port);
            return ExitCodes.BAD_ARGUMENTS;
        }
        Server server;
        try {
            server = Server.start(store, bind, port);
        } catch (IllegalArgumentException e) {
            System.err.println("dkv serve: " + e.getMessage());
            return ExitCodes.BAD_ARGUMENTS;
        } catch (IOException e) {
            System.err.println("dkv serve: cannot listen on " + bind + ":" + port + ": " + e.getMessage());
            return ExitCodes.BAD_ARGUMENTS;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }, "dkv-serve-stop"));
        System.out.println("dkv serve: http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + server.port() + "/  (store "
                + store.toAbsolutePath() + "; Ctrl-C stops it)");
        System.out.flush();
        stop.await();
        return ExitCodes.OK;
    }
}
