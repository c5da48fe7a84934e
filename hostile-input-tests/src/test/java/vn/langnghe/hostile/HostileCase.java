package vn.langnghe.hostile;

/**
 * One generated case, applied to every operation of a service: the attack, a hostile string where the attack
 * needs one, and a number that picks the field or parameter it lands on (modulo how many there are).
 */
record HostileCase(Attack attack, String payload, int pick) {

    @Override
    public String toString() {
        return attack + " pick=" + pick + " payload=" + Printable.of(payload, 120);
    }
}
