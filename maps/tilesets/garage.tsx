<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="garage" tilewidth="32" tileheight="32" tilecount="56" columns="8">
 <image source="garage.png" width="256" height="224"/>
 <tile id="0">
  <properties>
   <property name="label" value="concrete floor"/>
  </properties>
 </tile>
 <tile id="1">
  <properties>
   <property name="label" value="concrete floor cracked"/>
  </properties>
 </tile>
 <tile id="2">
  <properties>
   <property name="label" value="concrete floor oil stain"/>
  </properties>
 </tile>
 <tile id="3">
  <properties>
   <property name="label" value="concrete bay stripe left"/>
  </properties>
 </tile>
 <tile id="4">
  <properties>
   <property name="label" value="concrete bay stripe top"/>
  </properties>
 </tile>
 <tile id="5">
  <properties>
   <property name="label" value="office linoleum"/>
  </properties>
 </tile>
 <tile id="6">
  <properties>
   <property name="label" value="office linoleum worn"/>
  </properties>
 </tile>
 <tile id="7">
  <properties>
   <property name="label" value="door threshold plate"/>
  </properties>
 </tile>
 <tile id="8">
  <properties>
   <property name="label" value="snow"/>
  </properties>
 </tile>
 <tile id="9">
  <properties>
   <property name="label" value="snow tyre tracks"/>
  </properties>
 </tile>
 <tile id="10">
  <properties>
   <property name="label" value="snow footprints"/>
  </properties>
 </tile>
 <tile id="11">
  <properties>
   <property name="label" value="frozen gravel yard"/>
  </properties>
 </tile>
 <tile id="12">
  <properties>
   <property name="label" value="asphalt painted line"/>
  </properties>
 </tile>
 <tile id="13">
  <properties>
   <property name="label" value="dirt and ice patch"/>
  </properties>
 </tile>
 <tile id="14">
  <properties>
   <property name="label" value="office rug"/>
  </properties>
 </tile>
 <tile id="15">
  <properties>
   <property name="label" value="drain grate"/>
  </properties>
 </tile>
 <tile id="16">
  <properties>
   <property name="label" value="wall"/>
  </properties>
 </tile>
 <tile id="17">
  <properties>
   <property name="label" value="wall with pipe"/>
  </properties>
 </tile>
 <tile id="18">
  <properties>
   <property name="label" value="wall with window"/>
  </properties>
 </tile>
 <tile id="19">
  <properties>
   <property name="label" value="chain-link fence"/>
  </properties>
 </tile>
 <tile id="20">
  <properties>
   <property name="label" value="roller shutter door"/>
  </properties>
 </tile>
 <tile id="21">
  <properties>
   <property name="label" value="wooden fence"/>
  </properties>
 </tile>
 <tile id="22">
  <properties>
   <property name="label" value="wall corner post"/>
  </properties>
 </tile>
 <tile id="23">
  <properties>
   <property name="label" value="steel pillar"/>
  </properties>
 </tile>
 <tile id="24">
  <properties>
   <property name="label" value="workbench left"/>
  </properties>
 </tile>
 <tile id="25">
  <properties>
   <property name="label" value="workbench right"/>
  </properties>
 </tile>
 <tile id="26">
  <properties>
   <property name="label" value="tyre stack"/>
  </properties>
 </tile>
 <tile id="27">
  <properties>
   <property name="label" value="metal shelving"/>
  </properties>
 </tile>
 <tile id="28">
  <properties>
   <property name="label" value="oil drum"/>
  </properties>
 </tile>
 <tile id="29">
  <properties>
   <property name="label" value="tool chest"/>
  </properties>
 </tile>
 <tile id="30">
  <properties>
   <property name="label" value="lockers"/>
  </properties>
 </tile>
 <tile id="31">
  <properties>
   <property name="label" value="desk"/>
  </properties>
 </tile>
 <tile id="32">
  <properties>
   <property name="label" value="car top-left"/>
  </properties>
 </tile>
 <tile id="33">
  <properties>
   <property name="label" value="car top-right"/>
  </properties>
 </tile>
 <tile id="34">
  <properties>
   <property name="label" value="car mid-left"/>
  </properties>
 </tile>
 <tile id="35">
  <properties>
   <property name="label" value="car mid-right"/>
  </properties>
 </tile>
 <tile id="36">
  <properties>
   <property name="label" value="car bottom-left"/>
  </properties>
 </tile>
 <tile id="37">
  <properties>
   <property name="label" value="car bottom-right"/>
  </properties>
 </tile>
 <tile id="38">
  <properties>
   <property name="label" value="car lift post"/>
  </properties>
 </tile>
 <tile id="39">
  <properties>
   <property name="label" value="wooden crate"/>
  </properties>
 </tile>
 <tile id="40">
  <properties>
   <property name="label" value="pickup top-left"/>
  </properties>
 </tile>
 <tile id="41">
  <properties>
   <property name="label" value="pickup top-right"/>
  </properties>
 </tile>
 <tile id="42">
  <properties>
   <property name="label" value="pickup mid-left"/>
  </properties>
 </tile>
 <tile id="43">
  <properties>
   <property name="label" value="pickup mid-right"/>
  </properties>
 </tile>
 <tile id="44">
  <properties>
   <property name="label" value="pickup bottom-left"/>
  </properties>
 </tile>
 <tile id="45">
  <properties>
   <property name="label" value="pickup bottom-right"/>
  </properties>
 </tile>
 <tile id="46">
  <properties>
   <property name="label" value="snowbank"/>
  </properties>
 </tile>
 <tile id="47">
  <properties>
   <property name="label" value="dumpster"/>
  </properties>
 </tile>
 <tile id="48">
  <properties>
   <property name="label" value="sodium lamp post"/>
  </properties>
 </tile>
 <tile id="49">
  <properties>
   <property name="label" value="puddle"/>
  </properties>
 </tile>
 <tile id="50">
  <properties>
   <property name="label" value="scattered papers"/>
  </properties>
 </tile>
 <tile id="51">
  <properties>
   <property name="label" value="extension cord"/>
  </properties>
 </tile>
 <tile id="52">
  <properties>
   <property name="label" value="traffic cone"/>
  </properties>
 </tile>
 <tile id="53">
  <properties>
   <property name="label" value="snow drift edge"/>
  </properties>
 </tile>
 <tile id="54">
  <properties>
   <property name="label" value="bucket and mop"/>
  </properties>
 </tile>
 <tile id="55">
  <properties>
   <property name="label" value="radio on table"/>
  </properties>
 </tile>
</tileset>
