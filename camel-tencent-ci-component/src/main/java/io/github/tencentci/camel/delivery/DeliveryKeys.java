package io.github.tencentci.camel.delivery;

import io.github.tencentci.camel.model.JobsDetail;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;

/**
 * Computes the delivery key of a job's exchange: the identity under which the idempotent repository remembers that
 * the job was delivered.
 * <p>
 * The default key is {@code <JobId>:<State>} (e.g. {@code b3deffea2f84911ec9cb15254008618d9:Failed}), so a job is
 * emitted once in each state it is listed in. A user-supplied expression (option {@code idempotentKey}) is evaluated
 * on the exchange the job would be emitted in (body {@code JobsDetail}, headers {@code CamelTencentCi*}), e.g.
 * {@code ${header.CamelTencentCiJobId}} to emit each job only once whatever its later states.
 */
public final class DeliveryKeys {

    /** The exchange property holding the key an emitted exchange is tracked under. */
    public static final String KEY_PROPERTY = "CamelTencentCiDeliveryKey";

    private final Expression expression;

    private DeliveryKeys(Expression expression) {
        this.expression = expression;
    }

    /** Keys of the form {@code <JobId>:<State>}. */
    public static DeliveryKeys jobIdAndState() {
        return new DeliveryKeys(null);
    }

    /** Keys computed by an expression on the job's exchange. */
    public static DeliveryKeys of(Expression expression) {
        return new DeliveryKeys(expression);
    }

    /** The default key of a job: {@code <JobId>:<State>}. */
    public static String jobIdAndState(JobsDetail job) {
        return job.getJobId() + ":" + job.getState();
    }

    /** Whether the key is computed on the exchange (an {@code idempotentKey} expression) rather than from the job. */
    public boolean needsExchange() {
        return expression != null;
    }

    /**
     * @param  exchange                 the exchange the job would be emitted in, with the job as body
     * @return                          its key
     * @throws IllegalArgumentException when the expression gives no key, which would otherwise make every job of that
     *                                  shape look delivered after the first one
     */
    public String keyOf(Exchange exchange) {
        if (expression == null) {
            return jobIdAndState(exchange.getMessage().getBody(JobsDetail.class));
        }
        String key = expression.evaluate(exchange, String.class);
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("idempotentKey " + expression + " gave no key for job "
                                               + exchange.getMessage().getBody(JobsDetail.class).getJobId());
        }
        return key;
    }

    @Override
    public String toString() {
        return expression == null ? "<JobId>:<State>" : expression.toString();
    }
}
