package io.github.tencentci.camel.delivery;

/** Restarts over Camel's {@code FileIdempotentRepository}. */
class FileRepositoryRestartTest extends RestartDeliveryTestSupport {

    @Override
    RepositorySpec repository(String testName) {
        return RepositorySpec.file(dir.resolve(testName + "-delivered.txt").toFile());
    }
}
