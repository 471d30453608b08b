package com.bookedbarber.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookedbarber.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NamedStatementTemplateEngineTest {
    private static TestDatabase database;

    public interface SampleDao {
        @SqlQuery("SELECT :a + 1")
        int next(@Bind("a") int a);

        @SqlQuery("SELECT <column> FROM (SELECT 7 AS seven, 8 AS eight) t WHERE <column> <> :not")
        int pick(@Define("column") String column, @Bind("not") int not);
    }

    @BeforeAll
    static void start() {
        database = TestDatabase.createEmpty();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    private static Jdbi jdbi(List<String> rendered) {
        Jdbi jdbi = Jdbi.create(database.dataSource()).installPlugin(new SqlObjectPlugin());
        jdbi.setTemplateEngine(new NamedStatementTemplateEngine());
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                rendered.add(context.getRenderedSql());
            }
        });
        return jdbi;
    }

    @Test
    void namesEachStatementAfterItsDaoMethod() {
        List<String> rendered = new CopyOnWriteArrayList<>();
        int answer = jdbi(rendered).withExtension(SampleDao.class, dao -> dao.next(41));

        assertThat(answer).isEqualTo(42);
        assertThat(rendered).containsExactly("/* SampleDao.next */ SELECT :a + 1");
    }

    @Test
    void rendersDefinedAttributesOnEveryCall() {
        List<String> rendered = new CopyOnWriteArrayList<>();
        Jdbi jdbi = jdbi(rendered);

        int seven = jdbi.withExtension(SampleDao.class, dao -> dao.pick("seven", 0));
        int eight = jdbi.withExtension(SampleDao.class, dao -> dao.pick("eight", 0));

        assertThat(seven).isEqualTo(7);
        assertThat(eight).isEqualTo(8);
        assertThat(rendered).containsExactly(
                "/* SampleDao.pick */ SELECT seven FROM (SELECT 7 AS seven, 8 AS eight) t WHERE seven <> :not",
                "/* SampleDao.pick */ SELECT eight FROM (SELECT 7 AS seven, 8 AS eight) t WHERE eight <> :not");
    }

    @Test
    void leavesStatementsOutsideDaosUnnamed() {
        List<String> rendered = new CopyOnWriteArrayList<>();
        int one = jdbi(rendered).withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());

        assertThat(one).isEqualTo(1);
        assertThat(rendered).containsExactly("SELECT 1");
    }
}
