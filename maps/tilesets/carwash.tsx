<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="carwash" tilewidth="32" tileheight="32" tilecount="64" columns="8">
 <image source="carwash.png" width="256" height="256"/>
 <tile id="0">
  <properties>
   <property name="label" value="wet tile floor"/>
  </properties>
 </tile>
 <tile id="1">
  <properties>
   <property name="label" value="wet tile floor reflection"/>
  </properties>
 </tile>
 <tile id="2">
  <properties>
   <property name="label" value="wet tile floor puddle"/>
  </properties>
 </tile>
 <tile id="3">
  <properties>
   <property name="label" value="bay floor"/>
  </properties>
 </tile>
 <tile id="4">
  <properties>
   <property name="label" value="bay floor drain channel"/>
  </properties>
 </tile>
 <tile id="5">
  <properties>
   <property name="label" value="bay floor drain crossing"/>
  </properties>
 </tile>
 <tile id="6">
  <properties>
   <property name="label" value="bay guide rail left"/>
  </properties>
 </tile>
 <tile id="7">
  <properties>
   <property name="label" value="bay guide rail right"/>
  </properties>
 </tile>
 <tile id="8">
  <properties>
   <property name="label" value="bay floor arrow"/>
  </properties>
 </tile>
 <tile id="9">
  <properties>
   <property name="label" value="office linoleum"/>
  </properties>
 </tile>
 <tile id="10">
  <properties>
   <property name="label" value="office linoleum worn"/>
  </properties>
 </tile>
 <tile id="11">
  <properties>
   <property name="label" value="asphalt lot"/>
  </properties>
 </tile>
 <tile id="12">
  <properties>
   <property name="label" value="asphalt line vertical"/>
  </properties>
 </tile>
 <tile id="13">
  <properties>
   <property name="label" value="asphalt line horizontal"/>
  </properties>
 </tile>
 <tile id="14">
  <properties>
   <property name="label" value="asphalt oil stain"/>
  </properties>
 </tile>
 <tile id="15">
  <properties>
   <property name="label" value="red gravel bed"/>
  </properties>
 </tile>
 <tile id="16">
  <properties>
   <property name="label" value="stucco wall"/>
  </properties>
 </tile>
 <tile id="17">
  <properties>
   <property name="label" value="stucco wall with window"/>
  </properties>
 </tile>
 <tile id="18">
  <properties>
   <property name="label" value="stucco wall with vigas"/>
  </properties>
 </tile>
 <tile id="19">
  <properties>
   <property name="label" value="stucco pilaster"/>
  </properties>
 </tile>
 <tile id="20">
  <properties>
   <property name="label" value="storefront glass"/>
  </properties>
 </tile>
 <tile id="21">
  <properties>
   <property name="label" value="block lot wall"/>
  </properties>
 </tile>
 <tile id="22">
  <properties>
   <property name="label" value="chain-link fence"/>
  </properties>
 </tile>
 <tile id="23">
  <properties>
   <property name="label" value="chain-link post"/>
  </properties>
 </tile>
 <tile id="24">
  <properties>
   <property name="label" value="floor safe"/>
  </properties>
 </tile>
 <tile id="25">
  <properties>
   <property name="label" value="filing cabinet"/>
  </properties>
 </tile>
 <tile id="26">
  <properties>
   <property name="label" value="vending machine"/>
  </properties>
 </tile>
 <tile id="27">
  <properties>
   <property name="label" value="vacuum station"/>
  </properties>
 </tile>
 <tile id="28">
  <properties>
   <property name="label" value="pay kiosk"/>
  </properties>
 </tile>
 <tile id="29">
  <properties>
   <property name="label" value="soap drums"/>
  </properties>
 </tile>
 <tile id="30">
  <properties>
   <property name="label" value="agave pot"/>
  </properties>
 </tile>
 <tile id="31">
  <properties>
   <property name="label" value="desert shrub planter"/>
  </properties>
 </tile>
 <tile id="32">
  <properties>
   <property name="label" value="dumpster"/>
  </properties>
 </tile>
 <tile id="33">
  <properties>
   <property name="label" value="office desk left"/>
  </properties>
 </tile>
 <tile id="34">
  <properties>
   <property name="label" value="office desk right"/>
  </properties>
 </tile>
 <tile id="35">
  <properties>
   <property name="label" value="register counter left"/>
  </properties>
 </tile>
 <tile id="36">
  <properties>
   <property name="label" value="register counter right"/>
  </properties>
 </tile>
 <tile id="37">
  <properties>
   <property name="label" value="side brush top-left"/>
  </properties>
 </tile>
 <tile id="38">
  <properties>
   <property name="label" value="side brush top-right"/>
  </properties>
 </tile>
 <tile id="39">
  <properties>
   <property name="label" value="side brush bottom-left"/>
  </properties>
 </tile>
 <tile id="40">
  <properties>
   <property name="label" value="side brush bottom-right"/>
  </properties>
 </tile>
 <tile id="41">
  <properties>
   <property name="label" value="gantry post left"/>
  </properties>
 </tile>
 <tile id="42">
  <properties>
   <property name="label" value="gantry spray bar"/>
  </properties>
 </tile>
 <tile id="43">
  <properties>
   <property name="label" value="gantry roller brush"/>
  </properties>
 </tile>
 <tile id="44">
  <properties>
   <property name="label" value="gantry post right"/>
  </properties>
 </tile>
 <tile id="45">
  <properties>
   <property name="label" value="neon sign left"/>
  </properties>
 </tile>
 <tile id="46">
  <properties>
   <property name="label" value="neon sign mid"/>
  </properties>
 </tile>
 <tile id="47">
  <properties>
   <property name="label" value="neon sign right"/>
  </properties>
 </tile>
 <tile id="48">
  <properties>
   <property name="label" value="car top-left"/>
  </properties>
 </tile>
 <tile id="49">
  <properties>
   <property name="label" value="car top-right"/>
  </properties>
 </tile>
 <tile id="50">
  <properties>
   <property name="label" value="car mid-left"/>
  </properties>
 </tile>
 <tile id="51">
  <properties>
   <property name="label" value="car mid-right"/>
  </properties>
 </tile>
 <tile id="52">
  <properties>
   <property name="label" value="car bottom-left"/>
  </properties>
 </tile>
 <tile id="53">
  <properties>
   <property name="label" value="car bottom-right"/>
  </properties>
 </tile>
 <tile id="54">
  <properties>
   <property name="label" value="van top-left"/>
  </properties>
 </tile>
 <tile id="55">
  <properties>
   <property name="label" value="van top-right"/>
  </properties>
 </tile>
 <tile id="56">
  <properties>
   <property name="label" value="van mid-left"/>
  </properties>
 </tile>
 <tile id="57">
  <properties>
   <property name="label" value="van mid-right"/>
  </properties>
 </tile>
 <tile id="58">
  <properties>
   <property name="label" value="van bottom-left"/>
  </properties>
 </tile>
 <tile id="59">
  <properties>
   <property name="label" value="van bottom-right"/>
  </properties>
 </tile>
 <tile id="60">
  <properties>
   <property name="label" value="wet floor sign"/>
  </properties>
 </tile>
 <tile id="61">
  <properties>
   <property name="label" value="hose coil"/>
  </properties>
 </tile>
 <tile id="62">
  <properties>
   <property name="label" value="bucket and sponge"/>
  </properties>
 </tile>
 <tile id="63">
  <properties>
   <property name="label" value="lot lamp"/>
  </properties>
 </tile>
</tileset>
