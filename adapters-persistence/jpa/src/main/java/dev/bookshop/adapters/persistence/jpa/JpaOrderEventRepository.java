package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.application.order.port.out.OrderEventRepository;
import dev.bookshop.domain.order.OrderEvent;
import dev.bookshop.domain.order.OrderId;
import java.util.List;

/** The append-only audit trail in {@code order_events}. */
final class JpaOrderEventRepository implements OrderEventRepository {

    private final JpaTransactionRunner transactions;

    JpaOrderEventRepository(JpaTransactionRunner transactions) {
        this.transactions = transactions;
    }

    @Override
    public void append(OrderEvent event) {
        transactions.run(em -> em.persist(OrderEventMapper.toNewEntity(event)));
    }

    @Override
    public List<OrderEvent> findByOrder(OrderId orderId) {
        // The serial id breaks ties between events of the same instant in the order they were written.
        return transactions.call(em -> em.createQuery(
                        "select e from OrderEventEntity e where e.orderId = :orderId order by e.at, e.id",
                        OrderEventEntity.class)
                .setParameter("orderId", orderId.value())
                .getResultStream()
                .map(OrderEventMapper::toDomain)
                .toList());
    }
}
